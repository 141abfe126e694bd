package io.autoscalebot.api;

/**
 * A failure a user can understand and act on: an unreachable service, a refused request, a bad response.
 *
 * <p>The engine shows only the message of a {@code PluginException}, never its stack trace, so the message must say
 * what went wrong and, where possible, how to fix it. Any other exception is treated as a plugin bug and reported with
 * its type. Never put a secret in the message.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public PluginException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, kept for debugging
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
