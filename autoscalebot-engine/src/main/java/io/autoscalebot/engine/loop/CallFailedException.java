package io.autoscalebot.engine.loop;

/**
 * Carries a guarded call's failure through code that expects an exception, with its text already user-facing:
 * {@link Failures#describe} shows its message as is.
 */
public final class CallFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param failure why the call failed, as users read it */
    public CallFailedException(String failure) {
        super(failure, null, false, false);
    }
}
