package io.autoscalebot.api.lease;

import io.autoscalebot.api.Api;
import java.util.Optional;

/**
 * Small values kept beside a {@link Lease} in its store, which every instance of a configuration reaches: the engine
 * keeps there what a new leader must know after a failover (each group's last scale, recent scales and open
 * conditions), so it honours the old leader's post-scale wait and does not tell open conditions again.
 *
 * <p>Keys are the engine's ({@code group/NAME}); the plugin namespaces them per configuration, for instance under the
 * lease's own key. Values are short UTF-8 text (JSON).
 *
 * <p>{@link #write} is <b>fenced</b>: it stores the value only if {@code holder} still holds the lease with
 * {@code token}, checked and written in one atomic step of the store (a Lua script, an update conditioned on
 * {@code resourceVersion}, a write under the lease file's lock), so an old leader that wakes up after a pause can never
 * overwrite what its successor recorded.
 *
 * <p>The engine calls these from its ticks' threads, one call per group at a time, each under the deadline of
 * {@code [leader] timeout}; an exception means the store could not be asked.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public interface SharedState {

    /**
     * @param key the engine's key
     * @return the value last written under {@code key}, or empty when none was
     * @throws Exception when the store cannot be asked
     */
    Optional<String> read(String key) throws Exception;

    /**
     * Stores {@code value} under {@code key}, only while {@code holder} holds the lease with {@code token}.
     *
     * @param holder the identity given to {@link Lease#acquire}
     * @param token the fencing token {@link Lease#acquire} returned
     * @param key the engine's key
     * @param value what to keep
     * @return true when it was stored; false when {@code holder} no longer holds the lease with {@code token}
     * @throws Exception when the store cannot be asked
     */
    boolean write(String holder, long token, String key, String value) throws Exception;
}
