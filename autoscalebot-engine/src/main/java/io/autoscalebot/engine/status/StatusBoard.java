package io.autoscalebot.engine.status;

import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.engine.loop.TickListener;
import io.autoscalebot.engine.loop.TickPipeline;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.loop.Verdict;
import io.autoscalebot.engine.state.GroupState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Keeps each group's last tick for {@code /status}, its recent ticks, scales and decide plugin's guide lines for the
 * dashboard ({@link GroupHistory}, bounded), and turns every tick, plugin call and failure into {@link EngineMetrics}.
 * Listens on the ticks' own threads, so it only records: it never blocks on I/O. Every reason it keeps has its secrets
 * masked. Thread safe.
 */
public final class StatusBoard implements TickListener {

    /** Replaced whole by a reload; read without a lock by each request. */
    private volatile List<String> groups;
    private final Map<String, GroupStatus> last = new ConcurrentHashMap<>();
    private final Map<String, Duration> lateness = new ConcurrentHashMap<>();
    private final Map<String, GroupHistory> histories = new ConcurrentHashMap<>();
    private final Map<String, List<GuideLine>> guides = new ConcurrentHashMap<>();
    private final EngineMetrics metrics;
    private final boolean dryRun;
    private volatile UnaryOperator<String> mask;

    /**
     * @param groups the groups' names, in configuration order (the order of /status)
     * @param metrics what the ticks are counted in
     */
    public StatusBoard(List<String> groups, EngineMetrics metrics) {
        this(groups, metrics, false);
    }

    /**
     * @param groups the groups' names, in configuration order (the order of /status)
     * @param metrics what the ticks are counted in
     * @param dryRun true in a dry run, where a scale is only pretended: the processes gauge keeps the real count
     */
    public StatusBoard(List<String> groups, EngineMetrics metrics, boolean dryRun) {
        this(groups, metrics, dryRun, UnaryOperator.identity());
    }

    /**
     * @param groups the groups' names, in configuration order (the order of /status)
     * @param metrics what the ticks are counted in
     * @param dryRun true in a dry run, where a scale is only pretended: the processes gauge keeps the real count
     * @param mask masks the configuration's secrets in a text (a reason a plugin wrote may quote one)
     */
    public StatusBoard(List<String> groups, EngineMetrics metrics, boolean dryRun, UnaryOperator<String> mask) {
        this.groups = List.copyOf(groups);
        this.metrics = metrics;
        this.dryRun = dryRun;
        this.mask = mask;
    }

    /**
     * Follows a reload: the groups in their new order, masked with the new configuration's secrets. A removed group's
     * last tick, history and metric series go; a changed group keeps its history, as the engine keeps its state.
     *
     * @param groups the groups' names, in the new configuration's order
     * @param mask masks the new configuration's secrets
     */
    public void regroup(List<String> groups, UnaryOperator<String> mask) {
        List<String> removed = this.groups.stream().filter(group -> !groups.contains(group)).toList();
        this.mask = mask;
        this.groups = List.copyOf(groups);
        for (String group : removed) {
            last.remove(group);
            lateness.remove(group);
            histories.remove(group);
            guides.remove(group);
            metrics.forget(group);
        }
    }

    @Override
    public void started(String group, Duration late) {
        lateness.put(group, late);
        metrics.late(late);
    }

    @Override
    public void ticked(TickPipeline.Result result, GroupState state) {
        TickReport report = result.report();
        Optional<Verdict> verdict = result.verdict();
        OptionalInt current = verdict.map(v -> OptionalInt.of(v.current())).orElse(OptionalInt.empty());
        OptionalInt target = verdict.filter(v -> !v.failed()).map(v -> OptionalInt.of(v.target()))
                .orElse(OptionalInt.empty());
        String group = report.group();
        String reason = mask.apply(verdict.map(Verdict::reason).orElse(result.failure().orElse("")));
        Optional<ScaleEvent> lastScale = state.lastScale();
        OptionalInt min = verdict.map(v -> OptionalInt.of(v.min())).orElse(OptionalInt.empty());
        OptionalInt max = verdict.map(v -> OptionalInt.of(v.max())).orElse(OptionalInt.empty());
        Optional<Measurement> measurement = result.measurement().map(this::masked);
        last.put(group, new GroupStatus(group, report.time(), report.outcome(), current, target, min, max,
                measurement, reason, result.failure().map(mask), lastScale, state.activeConditions()));
        // A scale is recorded when the scale call returned, so at or after the tick's start; an older one is a
        // previous tick's.
        boolean scaledNow = report.outcome() == TickReport.Outcome.SCALED && lastScale.isPresent()
                && !lastScale.get().time().isBefore(report.time());
        // The count the group runs now: after a scale, what the scale plugin answered.
        OptionalInt now = !dryRun && scaledNow ? OptionalInt.of(lastScale.get().to()) : current;
        now.ifPresent(count -> metrics.processes(group, count));
        GroupHistory history = history(group);
        history.add(report.time(), measurement.filter(Measurement::hasValue).map(Measurement::value)
                .orElse(Double.NaN), now.orElse(-1), min.orElse(-1), max.orElse(-1));
        if (scaledNow) {
            history.scaled(lastScale.get().time(), lastScale.get().from(), lastScale.get().to(),
                    dryRun ? "(dry run) " + reason : reason);
        }
        target.ifPresent(count -> metrics.desired(group, count));
        result.measurement().filter(m -> m.hasValue()).ifPresent(m -> metrics.measurement(group, m.value()));
        if (report.outcome() == TickReport.Outcome.SCALED && verdict.isPresent()) {
            metrics.scaled(group, verdict.get().target() > verdict.get().current());
        }
    }

    @Override
    public void guides(String group, List<GuideLine> lines) {
        guides.put(group, List.copyOf(lines));
    }

    @Override
    public void called(String group, String stage, Duration took) {
        metrics.called(group, stage, took);
    }

    @Override
    public void failed(String group, String stage) {
        metrics.failed(group, stage);
    }

    /** @return each group's last tick, in configuration order; empty for a group that has not ticked yet */
    public List<Map.Entry<String, Optional<GroupStatus>>> groups() {
        List<Map.Entry<String, Optional<GroupStatus>>> all = new ArrayList<>();
        for (String group : groups) {
            all.add(Map.entry(group, Optional.ofNullable(last.get(group))));
        }
        return all;
    }

    /**
     * @param group a group
     * @param now the time to look back from
     * @return the group's points and scales within the dashboard's window
     */
    GroupHistory.Snapshot history(String group, Instant now) {
        return history(group).snapshot(now);
    }

    /** @return the group's decide plugin's guide lines; empty when it has none or has not started */
    List<GuideLine> guides(String group) {
        return guides.getOrDefault(group, List.of());
    }

    private GroupHistory history(String group) {
        return histories.computeIfAbsent(group, name -> new GroupHistory());
    }

    /** A failed measurement's reason may quote what a server answered: masked like every other reason. */
    private Measurement masked(Measurement measurement) {
        if (measurement.succeeded()) {
            return measurement;
        }
        String failure = mask.apply(measurement.failure());
        return failure.equals(measurement.failure()) ? measurement : Measurement.failed(measurement.time(), failure);
    }

    /** @return how late the group's last scheduled tick started, if it had one */
    public Optional<Duration> lateness(String group) {
        return Optional.ofNullable(lateness.get(group));
    }
}
