package io.autoscalebot.engine.state;

import java.io.IOException;

/**
 * Where the engine keeps each group's {@link GroupState}. Implementations are safe to call from one thread per group.
 */
public interface StateStore {

    /**
     * Reads a group's state. Never fails: unreadable state is warned about and read as {@link GroupState#EMPTY}, since
     * a fresh start is better than an autoscaler that does not start.
     *
     * @param group the group's name
     * @return its state, or {@link GroupState#EMPTY}
     */
    GroupState load(String group);

    /**
     * Records a group's state.
     *
     * @throws IOException if it could not be recorded; what was recorded before is kept
     */
    void save(String group, GroupState state) throws IOException;

    /**
     * Reads the state a new leader goes on from: what the previous leader recorded where every instance can read it
     * (the lease store), or {@link #load} where there is no such place.
     *
     * @param group the group's name
     * @return its state, or {@link GroupState#EMPTY}
     * @throws IOException when the shared copy could not be read; the caller must not act on an older state then
     */
    default GroupState takeOver(String group) throws IOException {
        return load(group);
    }

    /** @return a store that keeps everything in memory (simulations, tests) */
    static StateStore inMemory() {
        return new MemoryStateStore(group -> GroupState.EMPTY);
    }

    /**
     * For a dry run: reads what {@code recorded} holds, but keeps new state in memory, so scales that were only pretended
     * never reach the real state file and mislead a later real run.
     *
     * @return a store over {@code recorded} that never writes to it
     */
    static StateStore readOnly(StateStore recorded) {
        return new MemoryStateStore(recorded::load);
    }
}
