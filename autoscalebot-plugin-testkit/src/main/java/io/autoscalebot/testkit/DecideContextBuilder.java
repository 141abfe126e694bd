package io.autoscalebot.testkit;

import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.engine.context.TickContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link DecideContext} the engine hands a decide plugin at one tick; see {@link TestContexts#decide()} for
 * the defaults. The history is built at {@link #build()}, so values given with {@link #values} end at the final
 * {@link #now(Instant)}, whatever the order of the calls. Not thread safe; each build gives a new context.
 */
public final class DecideContextBuilder {

    private String group = "web";
    private Instant now = TestContexts.TIME;
    private int current = 1;
    private int min;
    private int max = 100;
    private Duration spacing = Duration.ofSeconds(30);
    /** The history, oldest first: a measurement given as is, or a value whose time is known only at build. */
    private final List<Object> history = new ArrayList<>();
    private ScaleEvent lastScale;
    private List<ScaleEvent> recentScales;

    DecideContextBuilder() {
    }

    /** @return this builder, for group {@code name} */
    public DecideContextBuilder group(String name) {
        this.group = Objects.requireNonNull(name, "name");
        return this;
    }

    /** @return this builder, deciding at {@code time} */
    public DecideContextBuilder now(Instant time) {
        this.now = Objects.requireNonNull(time, "time");
        return this;
    }

    /** @return this builder, with {@code count} processes running now */
    public DecideContextBuilder current(int count) {
        this.current = count;
        return this;
    }

    /** @return this builder, with that min at now */
    public DecideContextBuilder min(int min) {
        this.min = min;
        return this;
    }

    /** @return this builder, with that max at now */
    public DecideContextBuilder max(int max) {
        this.max = max;
        return this;
    }

    /** @return this builder, with the history replaced by {@code measurements}, oldest first */
    public DecideContextBuilder history(List<Measurement> measurements) {
        history.clear();
        measurements.forEach(this::measurement);
        return this;
    }

    /** @return this builder, with {@code measurement} added as the newest */
    public DecideContextBuilder measurement(Measurement measurement) {
        history.add(Objects.requireNonNull(measurement, "measurement"));
        return this;
    }

    /**
     * Adds successful measurements, oldest first, one {@link #spacing(Duration)} apart; the values added last end at
     * {@link #now(Instant)}.
     *
     * @param unit their unit, like {@code ms}; empty for none
     * @param values the readings, oldest first
     * @return this builder
     */
    public DecideContextBuilder values(String unit, double... values) {
        Objects.requireNonNull(unit, "unit");
        for (double value : values) {
            history.add(new Value(value, unit));
        }
        return this;
    }

    /** @return this builder, with measurements from {@link #values} that far apart (30 s by default) */
    public DecideContextBuilder spacing(Duration spacing) {
        this.spacing = Objects.requireNonNull(spacing, "spacing");
        return this;
    }

    /** @return this builder, with that last scale; also the newest recent scale unless those are given */
    public DecideContextBuilder lastScale(ScaleEvent scale) {
        this.lastScale = Objects.requireNonNull(scale, "scale");
        return this;
    }

    /** @return this builder, with a last scale from {@code from} to {@code to} processes at {@code time} */
    public DecideContextBuilder lastScale(Instant time, int from, int to) {
        return lastScale(TestContexts.scale(time, from, to));
    }

    /**
     * @param scales the recent scales, oldest first; the newest is also the last scale unless one is given
     * @return this builder
     */
    public DecideContextBuilder recentScales(List<ScaleEvent> scales) {
        this.recentScales = List.copyOf(scales);
        return this;
    }

    /**
     * @return the context, checked as the engine checks its own: current 0 or more, min at most max
     * @throws IllegalArgumentException if it is not a context the engine could hand over
     */
    public DecideContext build() {
        long generated = history.stream().filter(Value.class::isInstance).count();
        Instant next = now.minus(spacing.multipliedBy(Math.max(0, generated - 1)));
        List<Measurement> measurements = new ArrayList<>();
        for (Object entry : history) {
            if (entry instanceof Value value) {
                measurements.add(Measurement.of(next, value.value(), value.unit()));
                next = next.plus(spacing);
            } else {
                measurements.add((Measurement) entry);
            }
        }
        List<ScaleEvent> recent = recentScales != null ? recentScales
                : lastScale != null ? List.of(lastScale) : List.of();
        Optional<ScaleEvent> last = lastScale != null ? Optional.of(lastScale)
                : recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(recent.size() - 1));
        return new TickContext(group, now, current, min, max, measurements, last, recent);
    }

    /** A value from {@link #values}, timed at build. */
    private record Value(double value, String unit) {
    }
}
