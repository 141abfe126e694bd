package io.autoscalebot.engine.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A {@link StateStore} in memory, falling back to another source for groups it has not seen written. */
final class MemoryStateStore implements StateStore {

    private final Map<String, GroupState> states = new ConcurrentHashMap<>();
    private final Function<String, GroupState> fallback;

    MemoryStateStore(Function<String, GroupState> fallback) {
        this.fallback = fallback;
    }

    @Override
    public GroupState load(String group) {
        GroupState state = states.get(group);
        return state != null ? state : fallback.apply(group);
    }

    @Override
    public void save(String group, GroupState state) {
        states.put(group, state);
    }
}
