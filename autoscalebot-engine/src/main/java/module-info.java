/**
 * The autoscalebot engine: finds plugins, reads {@code autoscale.toml}, and runs each group's measure, decide, scale,
 * notify loop.
 *
 * <p>Everyone gets the facade, {@code io.autoscalebot.engine}, and nothing else: plugin authors use
 * {@code io.autoscalebot.api} only, and the CLI runs the engine through the facade. The internal packages are exported
 * by name to the modules built on them, so JPMS refuses every other reader, plugins included.
 */
module io.autoscalebot.engine {
    requires transitive io.autoscalebot.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml;

    exports io.autoscalebot.engine;

    // Until the simulator leaves the engine: the CLI's simulate command picks the group to simulate.
    exports io.autoscalebot.engine.config to io.autoscalebot.cli;
    exports io.autoscalebot.engine.simulate to io.autoscalebot.cli;
    exports io.autoscalebot.engine.simulate.trace to io.autoscalebot.cli;
    exports io.autoscalebot.engine.simulate.model to io.autoscalebot.cli;
    exports io.autoscalebot.engine.simulate.report to io.autoscalebot.cli;

    uses io.autoscalebot.api.measure.MeasureProvider;
    uses io.autoscalebot.api.decide.DecideProvider;
    uses io.autoscalebot.api.scale.ScaleProvider;
    uses io.autoscalebot.api.notify.NotifyProvider;
}
