package io.autoscalebot.cli;

import io.autoscalebot.simulate.Simulator;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place: only when a person watches a terminal, since carriage returns
 * would litter a log file or a pipe.
 */
final class ProgressBar implements Simulator.Progress, AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private int shownPercent = -1;

    private ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** @return a bar on {@code err} when the JVM has a console, else one that draws nothing */
    static ProgressBar forConsole(PrintWriter err, String label) {
        return new ProgressBar(System.console() != null ? err : null, label);
    }

    @Override
    public void update(int done, int total) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (err == null || percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = WIDTH * percent / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
    }

    /** Clears the bar, so what follows starts on a clean line. */
    @Override
    public void close() {
        if (err != null && shownPercent >= 0) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 8) + "\r");
            err.flush();
        }
    }
}
