package io.autoscalebot.engine.loop;

import io.autoscalebot.api.PluginException;

/** How a plugin's exception is shown to users: its own words for a {@link PluginException}, else as a plugin bug. */
public final class Failures {

    private Failures() {
    }

    /**
     * @return the message of a {@link PluginException} (or of a failed guarded call) as is, else
     *     {@code plugin bug: NullPointerException: message}; never a stack trace
     */
    public static String describe(Throwable failure) {
        if (failure instanceof PluginException || failure instanceof CallFailedException) {
            return String.valueOf(failure.getMessage());
        }
        String message = failure.getMessage();
        return "plugin bug: " + failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
