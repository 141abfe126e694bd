package io.autoscalebot.cli;

import io.autoscalebot.cli.logging.AsyncHandler;
import io.autoscalebot.cli.logging.JsonFormatter;
import io.autoscalebot.cli.logging.LineFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * One line per record on stderr, so the engine's account of each tick reads as a story, not as JUL's two-line
 * default; written by a background thread through a bounded queue ({@link AsyncHandler}), so a slow terminal or pipe
 * never delays a tick. {@code --log-format json} switches to one JSON object per line. A user's own
 * {@code -Djava.util.logging.config.file} wins (then only the format can be changed).
 */
final class Logging {

    /** How many records may wait for a slow output before DEBUG/INFO ones are dropped (about 2 MB at most). */
    static final int QUEUE = 8192;

    /** The console handler behind the queue, once {@link #configure()} installed it; null with a user's config. */
    private static Handler console;

    private Logging() {
    }

    static synchronized void configure() {
        if (console == null && System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            useOneLinePerRecord();
        }
        // JUL creates the root handlers at the first record, and never once the JVM is shutting down: a run whose
        // first record is logged by a SIGTERM's stop would print nothing. Create them now.
        Logger.getLogger("").getHandlers();
    }

    /** {@code --log-format json}: one JSON object per line from now on. */
    static synchronized void useJson() {
        Formatter json = new JsonFormatter();
        if (console != null) {
            console.setFormatter(json);
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(json);
        }
    }

    private static void useOneLinePerRecord() {
        String config = ".level=INFO\n"
                + "java.util.logging.SimpleFormatter.format=%1$tF %1$tT %4$s %3$s: %5$s%6$s%n\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new java.io.ByteArrayInputStream(config.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            Logger.getLogger("autoscalebot").log(Level.WARNING, "could not configure logging", e);
        }
        Handler target = new ConsoleHandler();
        target.setLevel(Level.ALL);
        target.setFormatter(new LineFormatter());
        Logger root = Logger.getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old);
        }
        // Closed (what is queued written first) by the LogManager's reset at exit, which the CLI holds back until
        // the stop has logged what it does.
        root.addHandler(new AsyncHandler(target, QUEUE));
        console = target;
    }
}
