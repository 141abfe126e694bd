/**
 * {@code autoscalebot simulate}: replays a request trace against a configured group's own decide plugin in virtual
 * time, over a queueing model of the app, and reports how well supply followed demand. Beside the engine, not in it:
 * a run never loads this module's model or report code. Its charts are drawn by the engine's SVG chart (exported to it
 * by name), which the status dashboard draws with too.
 *
 * <p>It builds on the engine's internals (exported to it by name) to tick a group through the same pipeline as
 * {@code run}, and exports its own packages only to the CLI.
 */
module io.autoscalebot.simulate {
    // Its entry point takes the engine facade's Configuration.
    requires transitive io.autoscalebot.engine;
    // The machine-readable report (simulate --json).
    requires com.fasterxml.jackson.databind;

    exports io.autoscalebot.simulate to io.autoscalebot.cli;
    exports io.autoscalebot.simulate.trace to io.autoscalebot.cli;
    exports io.autoscalebot.simulate.model to io.autoscalebot.cli;
    exports io.autoscalebot.simulate.report to io.autoscalebot.cli;
}
