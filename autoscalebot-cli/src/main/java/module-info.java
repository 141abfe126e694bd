/**
 * The {@code autoscalebot} command line: run, plugins list/describe, config validate, simulate.
 */
module io.autoscalebot.cli {
    // The engine through its facade only, and the simulator beside it.
    requires io.autoscalebot.engine;
    requires io.autoscalebot.simulate;
    requires info.picocli;
    requires java.logging;
    // The JSON log format (--log-format json) writes with Jackson's generator.
    requires com.fasterxml.jackson.core;
    // sun.misc.Signal: SIGHUP reloads the configuration (the JDK has no supported API for it).
    requires jdk.unsupported;

    // picocli reads the command classes reflectively.
    opens io.autoscalebot.cli to info.picocli;
    // java.util.logging creates the CLI's LogManager by name (-Djava.util.logging.manager).
    exports io.autoscalebot.cli.logging to java.logging;
}
