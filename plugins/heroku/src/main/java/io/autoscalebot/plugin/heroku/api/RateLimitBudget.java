package io.autoscalebot.plugin.heroku.api;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of the account's Platform API budget, from the {@code RateLimit-Remaining} header of the last answer.
 *
 * <p>Heroku gives an account 4,500 request tokens and refills them gradually, one every 0.8 s (4,500 an hour). The
 * budget is shared with deploys, the dashboard, the CLI and other tools, so this plugin keeps its hands off the last
 * {@code reserve} tokens: while the estimated budget is below the reserve, it spends only what has been refilled since,
 * which spaces its calls out to at most the refill rate instead of draining the account to a 429.
 */
public final class RateLimitBudget {

    /** The account's budget when full, and how many tokens come back per hour. */
    public static final int ACCOUNT_LIMIT = 4500;

    /** How long Heroku takes to give back one token. */
    public static final Duration REFILL_INTERVAL = Duration.ofHours(1).dividedBy(ACCOUNT_LIMIT);

    private final int reserve;
    private int remaining = ACCOUNT_LIMIT;
    private Instant observedAt;

    /** @param reserve the tokens to leave to others; 0 to use the whole budget */
    public RateLimitBudget(int reserve) {
        this.reserve = reserve;
    }

    /** @return the tokens kept for others */
    public int reserve() {
        return reserve;
    }

    /**
     * Records a {@code RateLimit-Remaining} value.
     *
     * @param remaining the header's value
     * @param at when it was read
     */
    public synchronized void observe(int remaining, Instant at) {
        this.remaining = remaining;
        this.observedAt = at;
    }

    /**
     * @param now the current time
     * @return the budget now: the last value seen plus what was refilled since, at most {@link #ACCOUNT_LIMIT}; full
     *     when nothing was seen yet
     */
    public synchronized int estimate(Instant now) {
        if (observedAt == null) {
            return ACCOUNT_LIMIT;
        }
        long refilled = Duration.between(observedAt, now).toNanos() / REFILL_INTERVAL.toNanos();
        return (int) Math.min(ACCOUNT_LIMIT, remaining + Math.max(0, refilled));
    }

    /**
     * @param now the current time
     * @return how long to wait before the next call so that the budget is back at the reserve; zero when it is there
     */
    public synchronized Duration waitBeforeNextCall(Instant now) {
        if (observedAt == null || estimate(now) >= reserve) {
            return Duration.ZERO;
        }
        Duration refillNeeded = REFILL_INTERVAL.multipliedBy((long) reserve - remaining);
        Duration waited = Duration.between(observedAt, now);
        return waited.isNegative() ? refillNeeded : refillNeeded.minus(waited);
    }
}
