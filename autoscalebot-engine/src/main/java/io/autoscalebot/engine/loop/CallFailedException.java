package io.autoscalebot.engine.loop;

/** Carries a guarded call's failure through code that expects an exception, with its text already user-facing. */
final class CallFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    CallFailedException(String failure) {
        super(failure, null, false, false);
    }
}
