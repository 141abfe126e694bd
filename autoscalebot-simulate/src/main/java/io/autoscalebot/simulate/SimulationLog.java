package io.autoscalebot.simulate;

import io.autoscalebot.engine.notify.Redactor;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The logger a simulated decide plugin gets. A replay runs hundreds of thousands of ticks in seconds, so per-tick
 * information would drown the terminal: only warnings and errors are kept, counted, and the first few shown in the
 * result. Every kept line is redacted, since a plugin may log its settings.
 */
final class SimulationLog implements System.Logger {

    /** How many warnings the result quotes; the rest are only counted. */
    static final int QUOTED = 5;

    private final String name;
    private final Redactor redactor;
    private final List<String> quoted = new ArrayList<>();
    private int count;

    SimulationLog(String name, Redactor redactor) {
        this.name = Objects.requireNonNull(name, "name");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.WARNING.getSeverity() && level != Level.OFF;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        keep(level, message + (thrown == null ? "" : " (" + thrown + ")"));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        keep(level, params == null || params.length == 0 || format == null ? format
                : MessageFormat.format(format, params));
    }

    private void keep(Level level, String text) {
        if (!isLoggable(level)) {
            return;
        }
        count++;
        if (quoted.size() < QUOTED) {
            quoted.add(level + " " + redactor.redact(text));
        }
    }

    /** @return what the plugin warned about */
    SimulationResult.PluginWarnings warnings() {
        return new SimulationResult.PluginWarnings(count, quoted);
    }
}
