package io.autoscalebot.plugin.targettracking;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The behaviour of one direction (HPA's {@code HPAScalingRules}): how long recommendations are remembered, and how fast
 * the count may change per period.
 *
 * <p>The limit arithmetic follows the HPA controller: a {@code Pods} policy allows the count at the start of the period
 * plus (or minus) that many processes; a {@code Percent} policy allows that percentage of it, rounded up when adding
 * (so 1 process at 100% may still become 2) and truncated when removing.
 *
 * @param direction which way these rules limit
 * @param stabilization how far back recommendations are considered before moving this way
 * @param percent the largest change per period as a percentage of the count at the period's start, if that policy is on
 * @param pods the largest change per period in processes, if that policy is on
 * @param period the length of the sliding period the policies count changes in
 * @param select how the policies combine
 */
public record ScalingRules(Direction direction, Duration stabilization, OptionalInt percent, OptionalInt pods,
                           Duration period, SelectPolicy select) {

    /** Which way a set of rules applies. */
    public enum Direction {
        /** Adding processes. */
        UP,
        /** Removing processes. */
        DOWN;

        /** @return {@code up} or {@code down}, for reasons */
        public String label() {
            return this == UP ? "up" : "down";
        }
    }

    /** Checks the rules are usable. */
    public ScalingRules {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(stabilization, "stabilization");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(pods, "pods");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(select, "select");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the scale-" + direction.label() + " period must be longer than 0s");
        }
    }

    /** @return HPA's default scale-up rules: no stabilization, max(100% per 15s, 4 pods per 15s) */
    public static ScalingRules hpaUp() {
        return new ScalingRules(Direction.UP, Duration.ZERO, OptionalInt.of(100), OptionalInt.of(4),
                Duration.ofSeconds(15), SelectPolicy.MAX);
    }

    /** @return HPA's default scale-down rules: a 300s stabilization window, 100% per 15s */
    public static ScalingRules hpaDown() {
        return new ScalingRules(Direction.DOWN, Duration.ofSeconds(300), OptionalInt.of(100), OptionalInt.empty(),
                Duration.ofSeconds(15), SelectPolicy.MAX);
    }

    /**
     * The furthest the count may move this way now.
     *
     * @param current the count now
     * @param periodStart the count at the start of the period: now, minus what was added in it, plus what was removed
     * @return the highest allowed count when scaling up, the lowest when scaling down; never past {@code current} the
     *     wrong way, and {@code current} when the direction is disabled or has no policy
     */
    public int limit(int current, int periodStart) {
        if (select == SelectPolicy.DISABLED || (percent.isEmpty() && pods.isEmpty())) {
            return current;
        }
        boolean up = direction == Direction.UP;
        // MAX picks the biggest change: the highest count going up, the lowest going down; MIN the other way round.
        boolean pickHighest = up == (select == SelectPolicy.MAX);
        long chosen = pickHighest ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (long proposal : proposals(periodStart)) {
            chosen = pickHighest ? Math.max(chosen, proposal) : Math.min(chosen, proposal);
        }
        long bounded = up ? Math.max(chosen, current) : Math.min(chosen, current);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, bounded));
    }

    private long[] proposals(int periodStart) {
        long[] proposals = new long[(percent.isPresent() ? 1 : 0) + (pods.isPresent() ? 1 : 0)];
        int next = 0;
        if (percent.isPresent()) {
            double factor = direction == Direction.UP ? 1 + percent.getAsInt() / 100.0 : 1 - percent.getAsInt() / 100.0;
            double scaled = periodStart * factor;
            proposals[next++] = direction == Direction.UP ? (long) Math.ceil(scaled) : (long) scaled;
        }
        if (pods.isPresent()) {
            proposals[next] = direction == Direction.UP
                    ? (long) periodStart + pods.getAsInt() : (long) periodStart - pods.getAsInt();
        }
        return proposals;
    }

    /** @return the policies for people: {@code max(100% per 15s, 4 per 15s)} */
    public String describe() {
        if (select == SelectPolicy.DISABLED) {
            return "disabled";
        }
        StringBuilder text = new StringBuilder(select.label()).append('(');
        percent.ifPresent(p -> text.append(p).append("% per ").append(seconds(period)));
        pods.ifPresent(p -> text.append(percent.isPresent() ? ", " : "").append(p).append(" per ").append(seconds(period)));
        return text.append(')').toString();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
