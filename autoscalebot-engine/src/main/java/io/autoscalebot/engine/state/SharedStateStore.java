package io.autoscalebot.engine.state;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each group's state in the {@code [leader]} lease store, where the next leader finds it after a failover, and
 * in the local store as well: as the cache a restart reads first, and as the only copy when the lease store keeps no
 * state (its plugin offers none).
 *
 * <p>Only {@link #takeOver} reads the shared copy: the leader is the only writer, so while it leads its own copy is the
 * latest; a new leader reads the shared copy once, when it takes over.
 */
public final class SharedStateStore implements StateStore {

    private final StateStore local;
    private final StateShare share;
    private final System.Logger logger;

    /**
     * @param local the state directory's store
     * @param share the lease store's room for state
     * @param logger where warnings about an unreadable shared state go
     */
    public SharedStateStore(StateStore local, StateShare share, System.Logger logger) {
        this.local = Objects.requireNonNull(local, "local");
        this.share = Objects.requireNonNull(share, "share");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** @return the shared key of a group's state; the lease plugin puts it under its own key prefix */
    static String key(String group) {
        return "group/" + group;
    }

    @Override
    public GroupState load(String group) {
        return local.load(group);
    }

    /**
     * Reads what the last leader recorded in the lease store; a group it never recorded (the first run with a shared
     * store) goes on from the local file. The shared copy is also written to the local file, the cache.
     */
    @Override
    public GroupState takeOver(String group) throws IOException {
        if (!share.shares()) {
            return local.takeOver(group);
        }
        Optional<String> shared = share.read(key(group));
        if (shared.isEmpty()) {
            return local.takeOver(group);
        }
        GroupState state;
        try {
            state = StateJson.read(shared.get().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            logger.log(Level.WARNING, "the shared state of group '" + group + "' in the lease store is corrupt ("
                    + e.getMessage() + "); going on from the local state file. It is replaced at the next scale.");
            return local.takeOver(group);
        }
        try {
            local.save(group, state);
        } catch (IOException e) {
            logger.log(Level.DEBUG, "could not cache the shared state of group '" + group + "' locally: " + e);
        }
        return state;
    }

    /** Writes the local file, then the lease store (fenced); throws the first failure once both were tried. */
    @Override
    public void save(String group, GroupState state) throws IOException {
        IOException failed = null;
        try {
            local.save(group, state);
        } catch (IOException e) {
            failed = e;
        }
        if (share.shares()) {
            try {
                share.write(key(group), new String(StateJson.write(state), StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
