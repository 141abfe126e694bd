/**
 * The autoscalebot plugin testkit: builders for what the engine hands a plugin ({@code PluginContext},
 * {@code DecideContext}, {@code Notification}, {@code ScaleEvent}, {@code Settings}), a manual clock and a capturing
 * logger. Plugin tests use it instead of constructing engine types; it builds the engine's own implementations, so a
 * plugin sees in its tests what it sees in a run.
 */
module io.autoscalebot.testkit {
    requires transitive io.autoscalebot.api;
    requires io.autoscalebot.engine;

    exports io.autoscalebot.testkit;
}
