package io.autoscalebot.engine;

/**
 * The status server of {@code [server]} could not start, as when its port is in use: the message says which address
 * and how to fix it, for the user; nothing was started.
 */
public final class ServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServerException(String message) {
        super(message);
    }
}
