package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.measure.Measurement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a decide plugin decides from, at one tick.
 *
 * <p>The engine implements this interface; plugin tests build one with {@code autoscalebot-plugin-testkit} instead of
 * implementing it. Later API versions add methods to it, always with a default, so keep to calling it.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface DecideContext {

    /** @return the group's name */
    String group();

    /** @return the engine's current time (real in a run, virtual in a simulation) */
    Instant now();

    /** @return the group's process count as its scale plugin reports it now (hand scaling included), 0 or more */
    int current();

    /** @return the group's minimum at {@link #now()} (a time-of-day table is already evaluated) */
    int min();

    /** @return the group's maximum at {@link #now()}; never below {@link #min()} */
    int max();

    /**
     * @return recent measurements, oldest first, newest last, failed ones included; at most
     *     {@link Decide#historySize()} of them
     */
    List<Measurement> history();

    /** @return the last scale the engine made for this group, surviving restarts, if any */
    Optional<ScaleEvent> lastScale();

    /** @return the newest measurement, if any */
    default Optional<Measurement> latest() {
        List<Measurement> history = history();
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /**
     * The scales the engine remembers for this group, oldest first, surviving restarts: every scale within the group's
     * {@code too_rapid_period} (1 minute by default) before its last scale, the last one included. For rate limits
     * ("no more than 4 added per minute") without keeping a history of your own.
     *
     * @return the recent scales, oldest first; empty when the group was never scaled. The default gives
     *     {@link #lastScale()} alone.
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    default List<ScaleEvent> recentScales() {
        return lastScale().map(List::of).orElse(List.of());
    }
}
