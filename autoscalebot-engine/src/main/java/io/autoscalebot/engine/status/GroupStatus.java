package io.autoscalebot.engine.status;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.loop.TickReport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One group's last tick, as {@code /status} shows it.
 *
 * @param group the group's name
 * @param time when the tick started
 * @param outcome what it did
 * @param current the count before the tick; empty when it could not be read
 * @param target the count the decision asked for, clamped to [min, max]; empty without a decision
 * @param min the min in force at the decision; empty without a decision
 * @param max the max in force at the decision; empty without a decision
 * @param measurement the tick's measurement, failed or not; empty when it ended before measuring
 * @param reason the decision's reason, or the tick's failure
 * @param failure why the tick failed, secrets masked; empty when it did not
 * @param lastScale the last scale made, from the group's state (it survives restarts)
 * @param conditions the conditions open after the tick (above max, too rapid, measurement failed...)
 */
public record GroupStatus(String group, Instant time, TickReport.Outcome outcome, OptionalInt current,
                          OptionalInt target, OptionalInt min, OptionalInt max, Optional<Measurement> measurement,
                          String reason, Optional<String> failure, Optional<ScaleEvent> lastScale,
                          Set<EventType> conditions) {

    /** Checks and copies. */
    public GroupStatus {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(lastScale, "lastScale");
        conditions = Set.copyOf(conditions);
    }
}
