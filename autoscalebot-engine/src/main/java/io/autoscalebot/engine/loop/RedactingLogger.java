package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.notify.Redactor;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that masks secrets in every line before passing it on, including the messages of logged
 * exceptions. Given to plugins too, since a plugin may log a URL or a response that contains its token.
 */
final class RedactingLogger implements System.Logger {

    private final System.Logger delegate;
    private final Redactor redactor;

    RedactingLogger(System.Logger delegate, Redactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        delegate.log(level, bundle, redactor.redact(message), thrown == null ? null : redact(thrown));
    }

    /**
     * Passes a line with {@link LogFields fields} on as it is (message and fields masked), for a structured log to
     * read; formats any other parameters into the text.
     */
    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (LogFields.in(params) != null && format != null) {
            delegate.log(level, bundle, redactor.redact(format), LogFields.redacted(LogFields.in(params), redactor));
            return;
        }
        String text = params == null || params.length == 0 || format == null
                ? format : MessageFormat.format(format, params);
        delegate.log(level, bundle, redactor.redact(text), (Throwable) null);
    }

    /** A copy whose messages are masked, keeping types (in the text), stack traces and causes for debugging. */
    private Throwable redact(Throwable thrown) {
        Throwable copy = new RedactedThrowable(redactor.redact(thrown.toString()),
                thrown.getCause() == null || thrown.getCause() == thrown ? null : redact(thrown.getCause()));
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Stands in for a logged exception; its message is the original's {@code toString()}, masked. */
    private static final class RedactedThrowable extends Throwable {
        private static final long serialVersionUID = 1L;

        RedactedThrowable(String text, Throwable cause) {
            super(text, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
