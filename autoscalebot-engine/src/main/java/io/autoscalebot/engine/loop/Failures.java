package io.autoscalebot.engine.loop;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.engine.config.ControlCharacters;

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
        // java.net.http refuses a header value with a control character, quoting the value: a token read from a file
        // with its trailing newline. The user's mistake, not the plugin's; and the quoted value is never shown.
        if (failure instanceof IllegalArgumentException && message != null
                && message.startsWith("invalid header value")) {
            return ControlCharacters.problem("token", ControlCharacters.first(message)
                    .map(where -> where.replaceFirst(", at character \\d+$", "")).orElse("in an HTTP header"));
        }
        return "plugin bug: " + failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
