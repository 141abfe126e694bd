/**
 * The autoscalebot engine: finds plugins, reads {@code autoscale.toml}, and runs each group's measure, decide, scale,
 * notify loop.
 *
 * <p>Everyone gets the facade, {@code io.autoscalebot.engine}, and nothing else: plugin authors use
 * {@code io.autoscalebot.api} only, and the CLI runs the engine through the facade. The internal packages are exported
 * by name to the modules built on them, so JPMS refuses every other reader, plugins included. javac compiles this
 * module before those, so the engine's pom turns off the "module not found" lint that every such export would raise.
 */
module io.autoscalebot.engine {
    requires transitive io.autoscalebot.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml;
    // The status server ([server]): the JDK's HTTP server, and the Prometheus Java client (automatic modules, by their
    // Automatic-Module-Name) for /metrics.
    requires jdk.httpserver;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.metrics.exporter.httpserver;

    exports io.autoscalebot.engine;

    // io.autoscalebot.simulate replays a trace against a configured group: it reads the group's configuration and
    // plugin components, ticks it through the loop's tick pipeline in virtual time, and masks secrets as a run does.
    // io.autoscalebot.testkit (the plugin testkit of issue 7, in the build once it lands) loads and calls a plugin
    // the way the engine does: named here ahead of it, so it only needs to add itself where it needs more.
    exports io.autoscalebot.engine.config to io.autoscalebot.simulate, io.autoscalebot.testkit;
    exports io.autoscalebot.engine.loop to io.autoscalebot.simulate, io.autoscalebot.testkit;
    exports io.autoscalebot.engine.notify to io.autoscalebot.simulate;
    exports io.autoscalebot.engine.plugin to io.autoscalebot.simulate, io.autoscalebot.testkit;
    // The engine's implementations of what plugins receive: simulate creates plugins with them, the testkit builds
    // them in plugin tests.
    exports io.autoscalebot.engine.context to io.autoscalebot.simulate, io.autoscalebot.testkit;
    // Settings resolution and the text of durations and hints: the testkit resolves settings exactly as a run does,
    // and simulate writes durations as a user types them.
    exports io.autoscalebot.engine.settings to io.autoscalebot.simulate, io.autoscalebot.testkit;
    // The SVG line chart the status dashboard draws, shared with the simulate report so both draw alike.
    exports io.autoscalebot.engine.chart to io.autoscalebot.simulate;

    uses io.autoscalebot.api.measure.MeasureProvider;
    uses io.autoscalebot.api.decide.DecideProvider;
    uses io.autoscalebot.api.scale.ScaleProvider;
    uses io.autoscalebot.api.notify.NotifyProvider;
    uses io.autoscalebot.api.lease.LeaseProvider;
}
