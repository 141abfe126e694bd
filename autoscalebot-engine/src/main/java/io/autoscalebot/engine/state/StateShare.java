package io.autoscalebot.engine.state;

import java.io.IOException;
import java.util.Optional;

/**
 * The room the {@code [leader]} lease store offers for state every instance of a configuration reads (the lease
 * keeper, over the lease plugin's {@link io.autoscalebot.api.lease.SharedState}). Its writes are fenced: only the
 * instance holding the lease now can write.
 */
public interface StateShare {

    /** @return true when the lease store keeps state; false to keep it only in the local state directory */
    boolean shares();

    /**
     * @return the value under {@code key}, or empty when none was written
     * @throws IOException when the store could not be asked in time
     */
    Optional<String> read(String key) throws IOException;

    /**
     * @throws IOException when the store could not be asked in time, or refused because this instance no longer
     *         holds the lease
     */
    void write(String key, String value) throws IOException;
}
