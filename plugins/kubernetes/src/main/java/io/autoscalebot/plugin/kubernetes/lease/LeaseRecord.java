package io.autoscalebot.plugin.kubernetes.lease;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code coordination.k8s.io/v1} Lease as read from the API server.
 *
 * @param holder {@code spec.holderIdentity}, empty when nobody holds it
 * @param durationSeconds {@code spec.leaseDurationSeconds}
 * @param renewTime {@code spec.renewTime}, for messages only: expiry is judged by this client's own clock (see
 *     {@link KubernetesLease})
 * @param transitions {@code spec.leaseTransitions}: how many times the holder changed, the fencing token
 * @param resourceVersion {@code metadata.resourceVersion}, the version a write must name to succeed
 */
public record LeaseRecord(Optional<String> holder, int durationSeconds, Optional<Instant> renewTime,
                          long transitions, String resourceVersion) {

    /**
     * @param lease the Lease object
     * @return its record
     * @throws IllegalArgumentException if it is not a Lease with a resourceVersion
     */
    static LeaseRecord of(JsonNode lease) {
        if (!"Lease".equals(lease.path("kind").asText()) || !lease.path("metadata").path("resourceVersion")
                .isTextual()) {
            throw new IllegalArgumentException("not a Lease with a resourceVersion");
        }
        JsonNode spec = lease.path("spec");
        String holder = spec.path("holderIdentity").asText("");
        Optional<Instant> renewed = Optional.empty();
        if (spec.path("renewTime").isTextual()) {
            try {
                renewed = Optional.of(OffsetDateTime.parse(spec.path("renewTime").asText()).toInstant());
            } catch (DateTimeParseException e) {
                // Only shown in messages; a writer with an odd format must not block the election.
            }
        }
        return new LeaseRecord(holder.isEmpty() ? Optional.empty() : Optional.of(holder),
                spec.path("leaseDurationSeconds").asInt(0), renewed, spec.path("leaseTransitions").asLong(0),
                lease.path("metadata").path("resourceVersion").asText());
    }

    /**
     * @param identity a holder identity
     * @return whether that identity holds the lease, as written
     */
    public boolean heldBy(String identity) {
        return holder.map(identity::equals).orElse(false);
    }
}
