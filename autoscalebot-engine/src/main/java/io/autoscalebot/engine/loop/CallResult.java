package io.autoscalebot.engine.loop;

import java.util.Objects;

/**
 * What a guarded plugin call gave: a value, or why it failed in words a user can act on.
 *
 * @param value the value, or {@code null} when failed (or when the plugin returned null)
 * @param failure why it failed ({@code "no answer within 200 ms; the call was abandoned"}), or {@code null}
 * @param <T> the value's type
 */
public record CallResult<T>(T value, String failure) {

    /** @return a successful result */
    public static <T> CallResult<T> ok(T value) {
        return new CallResult<>(value, null);
    }

    /** @return a failed result */
    public static <T> CallResult<T> failed(String failure) {
        return new CallResult<>(null, Objects.requireNonNull(failure, "failure"));
    }

    /** @return true when the call returned */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * For code that expects an exception, like {@link DecisionStep.DecideCall}.
     *
     * @return the value
     * @throws CallFailedException with the failure as its message, when the call failed
     */
    public T orThrow() throws CallFailedException {
        if (failure != null) {
            throw new CallFailedException(failure);
        }
        return value;
    }
}
