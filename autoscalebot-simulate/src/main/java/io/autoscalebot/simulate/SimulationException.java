package io.autoscalebot.simulate;

/**
 * A simulation could not run: its decide plugin would not start. The message says which plugin, why, and is shown
 * without a stack trace.
 */
public class SimulationException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and how to fix it
     * @param cause the underlying failure, kept for debugging
     */
    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
