package io.autoscalebot.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * One line per log record on stderr, so the engine's account of each tick reads as a story, not as JUL's two-line
 * default. A user's own {@code -Djava.util.logging.config.file} wins.
 */
final class Logging {

    private Logging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            useOneLinePerRecord();
        }
        // JUL creates the root handlers at the first record, and never once the JVM is shutting down: a run whose
        // first record is logged by a SIGTERM's stop would print nothing. Create them now.
        java.util.logging.Logger.getLogger("").getHandlers();
    }

    private static void useOneLinePerRecord() {
        String config = "handlers=java.util.logging.ConsoleHandler\n"
                + ".level=INFO\n"
                + "java.util.logging.ConsoleHandler.level=ALL\n"
                + "java.util.logging.SimpleFormatter.format=%1$tF %1$tT %4$s %3$s: %5$s%6$s%n\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new java.io.ByteArrayInputStream(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            java.util.logging.Logger.getLogger("autoscalebot").log(Level.WARNING, "could not configure logging", e);
        }
    }
}
