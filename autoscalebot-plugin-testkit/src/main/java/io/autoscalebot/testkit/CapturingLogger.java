package io.autoscalebot.testkit;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link System.Logger} that keeps every line a plugin logs as {@code LEVEL message}, for assertions like
 * {@code assertThat(logger.lines()).anyMatch(l -> l.startsWith("WARNING "))}. Every level is loggable. A logged
 * exception is appended as its {@code toString()}, so a test can check that no secret went into one.
 */
public final class CapturingLogger implements System.Logger {

    private final String name;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** A logger named {@code test}. */
    public CapturingLogger() {
        this("test");
    }

    /** @param name what {@link #getName()} says */
    public CapturingLogger(String name) {
        this.name = name;
    }

    /** @return every line logged so far, oldest first: {@code WARNING cannot reach the app} */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        lines.add(level + " " + message + (thrown == null ? "" : " " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(level + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
    }
}
