package io.autoscalebot.api;

import java.time.Duration;
import java.time.Instant;

/**
 * When the engine stops waiting for the call it is making on a plugin instance: the group's {@code timeout}, counted
 * with the {@link PluginContext#clock() context clock} from the moment the call started. After it the engine abandons
 * the call (interrupting the thread) and fails the group's tick, so a plugin that retries, backs off or waits should
 * stop in time and fail with its own message instead: {@code Duration wait = deadline.limit(backoff)}, and give up when
 * {@link #passed()}.
 *
 * <p><b>None.</b> Outside an engine call (on a thread the plugin started itself, or when a test calls the plugin
 * directly) and in {@code autoscalebot simulate}, which runs in virtual time with nothing to bound, there is no
 * deadline: {@link #isNone()} is true, {@link #at()} is {@link Instant#MAX}, {@link #remaining()} is
 * {@link #UNBOUNDED} and {@link #passed()} is false. Treat it as "the engine sets no bound": keep to your own timeouts.
 * Code written with {@link #limit(Duration)} works unchanged either way.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Deadline {

    /**
     * What {@link #remaining()} gives when there is no deadline: {@link Long#MAX_VALUE} nanoseconds (about 292 years),
     * long enough to never bind and short enough to convert to milliseconds or nanoseconds without overflow.
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    Duration UNBOUNDED = Duration.ofNanos(Long.MAX_VALUE);

    /** @return when the engine stops waiting; {@link Instant#MAX} when there is no deadline */
    Instant at();

    /** @return the time left by the context clock, never negative: zero once passed, {@link #UNBOUNDED} when none */
    Duration remaining();

    /** @return whether the deadline has come; always false when there is none */
    boolean passed();

    /** @return whether there is no deadline (outside an engine call, or in a simulation) */
    default boolean isNone() {
        return at().equals(Instant.MAX);
    }

    /**
     * The time a step may take so it ends by the deadline: {@code wanted}, or what is left when that is shorter.
     *
     * @param wanted what the step would like, such as a retry's backoff or a request's own timeout
     * @return the shorter of {@code wanted} and {@link #remaining()}; {@code wanted} when there is no deadline
     */
    default Duration limit(Duration wanted) {
        Duration left = remaining();
        return wanted.compareTo(left) <= 0 ? wanted : left;
    }

    /** @return the deadline of no call: {@link #isNone()} is true */
    static Deadline none() {
        return NoDeadline.INSTANCE;
    }
}
