package io.autoscalebot.engine.status;

import java.util.Optional;

/**
 * Whether this instance is the one that scales: what {@code /readyz}, {@code /status} and {@code autoscalebot_leader}
 * report. Without a {@code [leader]} section every instance is {@link #ACTIVE}; a leader election plugs in here with a
 * source that says leader or standby, or nothing while it does not know yet.
 */
@FunctionalInterface
public interface Role {

    /** The only instance on its configuration: it always scales. */
    Role ACTIVE = () -> Optional.of("active");

    /**
     * @return {@code active} (no election), {@code leader} or {@code standby}; empty while it is not known yet, when the
     *     instance is not ready
     */
    Optional<String> current();

    /** @return whether this instance measures, decides and scales now */
    default boolean scales() {
        return current().filter(role -> role.equals("active") || role.equals("leader")).isPresent();
    }
}
