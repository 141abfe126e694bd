package io.autoscalebot.engine.loop;

import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * A plugin instance's logger, made at its first use: most plugins never log, and at 10,000 groups three
 * {@code java.util.logging} loggers per group, made up front, were 13 MiB of a 82 MiB heap and a quarter of what the
 * engine allocated while the first ticks ran. Thread safe; the logger is made at most once (a race makes it twice and
 * keeps one, which is harmless: the backend returns the same logger by name).
 */
final class LazyLogger implements System.Logger {

    private final String name;
    private final Function<String, System.Logger> loggers;
    private volatile System.Logger delegate;

    LazyLogger(String name, Function<String, System.Logger> loggers) {
        this.name = name;
        this.loggers = loggers;
    }

    private System.Logger delegate() {
        System.Logger made = delegate;
        if (made == null) {
            made = loggers.apply(name);
            delegate = made;
        }
        return made;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return delegate().isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        delegate().log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        delegate().log(level, bundle, format, params);
    }
}
