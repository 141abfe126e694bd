package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * What a decide plugin wants: a target count, or hold; always with a reason people can read.
 *
 * <p>The target may lie outside the group's min and max: the engine clamps it and says so. A final class rather than a
 * record so that later API versions can add to it (more facts for notifications) without breaking a compiled plugin:
 * create one with {@link #hold(String)} or {@link #scaleTo(int, String)}.
 *
 * <p>A plugin whose reason takes work to word (numbers formatted, a formula spelled out) can give it as a
 * {@link Supplier} instead, with {@link #hold(Supplier)} or {@link #scaleTo(int, Supplier)}: the engine reads a reason
 * only when it tells someone (a log line, a notification, the status page), and a simulation's hundreds of thousands
 * of ticks read almost none. The supplier is called at most once, when the reason is first read, possibly on another
 * thread and after later decisions, so it must word only values it captured when deciding, never the plugin's state.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Decision {

    private final OptionalInt target;
    /** The reason once worded; null until a lazy reason is first read. */
    private volatile String reason;
    /** Words the reason when first read; null once it has (or when the reason was given as text). */
    private Supplier<String> wording;

    private Decision(OptionalInt target, String reason, Supplier<String> wording) {
        this.target = Objects.requireNonNull(target, "target");
        this.reason = reason;
        this.wording = wording;
        if (target.isPresent() && target.getAsInt() < 0) {
            throw new IllegalArgumentException("target must be >= 0, got " + target.getAsInt());
        }
    }

    /**
     * @param reason why, in words: {@code "the latest measurement, 800 ms, is between 400 and 1200 ms"}
     * @return a decision to keep the current count
     */
    public static Decision hold(String reason) {
        return new Decision(OptionalInt.empty(), Objects.requireNonNull(reason, "reason"), null);
    }

    /**
     * A hold whose reason is worded only when it is read: see the class comment.
     *
     * @param reason words the reason from values captured when deciding; called at most once
     * @return a decision to keep the current count
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public static Decision hold(Supplier<String> reason) {
        return new Decision(OptionalInt.empty(), null, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * @param target the wanted process count, 0 or more
     * @param reason why, in words: {@code "3 of the last 3 measurements above 1200 ms"}
     * @return a decision to run {@code target} processes
     * @throws IllegalArgumentException if the target is negative
     */
    public static Decision scaleTo(int target, String reason) {
        return new Decision(OptionalInt.of(target), Objects.requireNonNull(reason, "reason"), null);
    }

    /**
     * A scale whose reason is worded only when it is read: see the class comment.
     *
     * @param target the wanted process count, 0 or more
     * @param reason words the reason from values captured when deciding; called at most once
     * @return a decision to run {@code target} processes
     * @throws IllegalArgumentException if the target is negative
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public static Decision scaleTo(int target, Supplier<String> reason) {
        return new Decision(OptionalInt.of(target), null, Objects.requireNonNull(reason, "reason"));
    }

    /** @return the wanted process count, or empty to hold */
    public OptionalInt target() {
        return target;
    }

    /** @return why, in words; a lazy reason is worded on the first call */
    public String reason() {
        String worded = reason;
        return worded != null ? worded : word();
    }

    /**
     * Words a lazy reason, once. The supplier is the plugin's code run outside its guarded call, so what it does wrong
     * (throws, returns null) becomes the text of the reason instead of the engine's problem.
     */
    private synchronized String word() {
        if (reason == null) {
            String worded;
            try {
                worded = wording.get();
                if (worded == null) {
                    worded = "(the decide plugin worded no reason: its reason supplier returned null)";
                }
            } catch (RuntimeException | LinkageError e) {
                worded = "(the decide plugin's reason could not be worded: " + e + ")";
            }
            reason = worded;
            wording = null;
        }
        return reason;
    }

    /** @return true when the decision is to hold */
    public boolean isHold() {
        return target.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision that && target.equals(that.target) && reason().equals(that.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, reason());
    }

    @Override
    public String toString() {
        return "Decision[target=" + target + ", reason=" + reason() + "]";
    }
}
