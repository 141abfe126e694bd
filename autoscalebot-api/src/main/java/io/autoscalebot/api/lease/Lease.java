package io.autoscalebot.api.lease;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Plugin;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A lease in a store every instance of a configuration reaches (Redis, a Kubernetes {@code Lease}, a file on one
 * host): at most one holder at a time, and it lapses by itself {@code ttl} after its last renewal, so a holder that
 * died or paused loses it without anyone's help.
 *
 * <p>Every successful {@link #acquire} by a new holder yields a <b>fencing token</b> (an epoch) greater than every
 * token handed out before: a Redis {@code INCR}, a Kubernetes Lease's {@code leaseTransitions}. {@link #renew} and
 * {@link #release} must compare holder <i>and</i> token in one atomic step of the store (a Lua script, an update
 * conditioned on {@code resourceVersion}; a conflict means "not yours"), so an old holder that wakes up after a pause
 * can never extend or drop its successor's lease.
 *
 * <p>The engine calls these from one thread at a time, each under the deadline of {@code [leader] timeout}. An
 * exception means the store could not be asked (down, unreachable, refused): the engine then acts as if it does not
 * hold the lease.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public interface Lease extends Plugin {

    /**
     * Takes the lease when nobody holds it or its holder let it lapse; keeps it when {@code holder} already holds it.
     *
     * @param holder this instance's identity, unique per process and stable for its life
     * @param ttl how long the lease lasts without a renewal
     * @return the fencing token when {@code holder} now holds the lease; empty when another holder does
     * @throws Exception when the store cannot be asked
     */
    OptionalLong acquire(String holder, Duration ttl) throws Exception;

    /**
     * Extends the lease by {@code ttl} from now, only if {@code holder} still holds it with {@code token}.
     *
     * @param holder the identity given to {@link #acquire}
     * @param token the fencing token {@link #acquire} returned
     * @param ttl how long the lease lasts from now
     * @return true when it was extended; false when the lease lapsed or another holder took it
     * @throws Exception when the store cannot be asked
     */
    boolean renew(String holder, long token, Duration ttl) throws Exception;

    /**
     * Gives the lease up at once (on a clean stop), so a standby need not wait for it to lapse; does nothing when
     * {@code holder} no longer holds it with {@code token}.
     *
     * @param holder the identity given to {@link #acquire}
     * @param token the fencing token {@link #acquire} returned
     * @throws Exception when the store cannot be asked; the lease then lapses by itself
     */
    void release(String holder, long token) throws Exception;

    /**
     * The store's room for what must survive a failover. Without it (the default) each instance keeps its groups'
     * state in its own state directory, and a new leader on another host starts without the old leader's last scale.
     *
     * @return the shared state beside this lease, or empty when the store cannot keep any
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
    default Optional<SharedState> sharedState() {
        return Optional.empty();
    }
}
