package io.autoscalebot.simulate.trace;

/**
 * A trace file that cannot be replayed. The message names the file and line, says what is wrong and how a good row
 * looks; show it without a stack trace.
 */
public class TraceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message where and what is wrong, and how to fix it */
    public TraceException(String message) {
        super(message);
    }

    /**
     * @param message where and what is wrong, and how to fix it
     * @param cause the underlying failure, kept for debugging
     */
    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
