package io.autoscalebot.plugin.kubernetes.lease;

import java.time.Instant;
import java.util.Optional;

/**
 * What an acquire or renew ended with.
 *
 * @param held whether this client holds the lease now
 * @param holder who holds it, as the server says (this client when {@code held}), empty when nobody does
 * @param transitions the lease's {@code leaseTransitions} after the call: a fencing token that grows with every change
 *     of holder, so writes of an old leader can be told from the new one's
 * @param until when {@code held}: when this client's hold ends unless renewed, by its own clock; otherwise: the
 *     earliest time this client will consider the other holder's lease expired
 */
public record LeaseState(boolean held, Optional<String> holder, long transitions, Instant until) {
}
