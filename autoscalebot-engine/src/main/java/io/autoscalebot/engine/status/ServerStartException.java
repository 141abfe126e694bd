package io.autoscalebot.engine.status;

/** The status server could not start: a message for the user, who can fix it in {@code [server]}. */
public final class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public ServerStartException(String message) {
        super(message);
    }
}
