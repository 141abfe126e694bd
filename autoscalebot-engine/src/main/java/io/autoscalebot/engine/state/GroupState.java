package io.autoscalebot.engine.state;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.notify.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine remembers about one group across restarts.
 *
 * @param lastScale the last scale made, so a decide plugin's post-scale wait continues after a restart
 * @param recentScales the scales still inside the too-rapid window, oldest first
 * @param activeConditions the conditions already told as started, so a restart does not tell them again
 */
public record GroupState(Optional<ScaleEvent> lastScale, List<ScaleEvent> recentScales,
                         Set<EventType> activeConditions) {

    /** A group the engine has never run. */
    public static final GroupState EMPTY = new GroupState(Optional.empty(), List.of(), Set.of());

    /** Checks and copies. */
    public GroupState {
        Objects.requireNonNull(lastScale, "lastScale");
        recentScales = List.copyOf(recentScales);
        activeConditions = activeConditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(activeConditions));
    }

    /**
     * @param scale the scale just made
     * @param keepAfter scales at or before this instant are dropped from {@link #recentScales()}
     * @return this state with {@code scale} as the last one
     */
    public GroupState withScale(ScaleEvent scale, Instant keepAfter) {
        // A plain loop: a simulation scales on many of its hundreds of thousands of ticks.
        List<ScaleEvent> recent = new ArrayList<>(recentScales.size() + 1);
        for (ScaleEvent s : recentScales) {
            if (s.time().isAfter(keepAfter)) {
                recent.add(s);
            }
        }
        recent.add(scale);
        return new GroupState(Optional.of(scale), recent, activeConditions);
    }

    /** @return this state with those conditions on */
    public GroupState withConditions(Set<EventType> conditions) {
        return new GroupState(lastScale, recentScales, conditions);
    }
}
