/**
 * The {@code memory} scale plugin: a process count kept in memory only, for tests, demos and benchmarks of the engine
 * itself, where a real platform's latency would hide the engine's own cost.
 */
module io.autoscalebot.plugin.memory {
    requires io.autoscalebot.api;

    provides io.autoscalebot.api.scale.ScaleProvider with io.autoscalebot.plugin.memory.MemoryProvider;
}
