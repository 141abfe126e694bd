package io.autoscalebot.engine.loop;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps every line (with the text of a logged exception), for assertions. */
public final class RecordingLogger implements System.Logger {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "recording";
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
        // A line with fields (one Map) carries its text literally, as LogFields says.
        boolean literal = params == null || params.length == 0 || params.length == 1 && params[0] instanceof java.util.Map;
        lines.add(level + " " + (literal ? format : MessageFormat.format(format, params)));
    }

    /** @return every line so far */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
