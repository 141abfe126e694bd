/**
 * The autoscalebot engine: finds plugins, reads {@code autoscale.toml}, and runs each group's measure, decide, scale,
 * notify loop. Exported packages are for the CLI; plugin authors use {@code io.autoscalebot.api} only.
 */
module io.autoscalebot.engine {
    requires transitive io.autoscalebot.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml;

    exports io.autoscalebot.engine.plugin;
    exports io.autoscalebot.engine.config;
    exports io.autoscalebot.engine.simulate;
    exports io.autoscalebot.engine.simulate.trace;
    exports io.autoscalebot.engine.simulate.model;
    exports io.autoscalebot.engine.simulate.report;
    exports io.autoscalebot.engine.loop;
    exports io.autoscalebot.engine.state;
    exports io.autoscalebot.engine.notify;
    // The engine's implementations of what plugins receive, for the testkit that builds them in plugin tests.
    exports io.autoscalebot.engine.context to io.autoscalebot.testkit;
    // Settings resolution and the text of durations and hints: for the CLI, and for the testkit so plugin tests resolve
    // settings exactly as a run does.
    exports io.autoscalebot.engine.settings to io.autoscalebot.cli, io.autoscalebot.testkit;

    uses io.autoscalebot.api.measure.MeasureProvider;
    uses io.autoscalebot.api.decide.DecideProvider;
    uses io.autoscalebot.api.scale.ScaleProvider;
    uses io.autoscalebot.api.notify.NotifyProvider;
}
