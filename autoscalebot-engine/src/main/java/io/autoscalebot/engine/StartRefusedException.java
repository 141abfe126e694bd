package io.autoscalebot.engine;

/**
 * An autoscaler may not start: another instance already runs on its state directory, or the state directory cannot
 * hold the lock that says so. The message says which and what to do; {@code run} prints it and exits 2.
 */
public final class StartRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    StartRefusedException(String message) {
        super(message);
    }
}
