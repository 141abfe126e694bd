package io.autoscalebot.engine.status;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.engine.loop.TickListener;
import io.autoscalebot.engine.loop.TickPipeline;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.loop.Verdict;
import io.autoscalebot.engine.state.GroupState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each group's last tick for {@code /status} and turns every tick, plugin call and failure into
 * {@link EngineMetrics}. Listens on the ticks' own threads, so it only records: it never blocks on I/O. Thread safe.
 */
public final class StatusBoard implements TickListener {

    private final List<String> groups;
    private final Map<String, GroupStatus> last = new ConcurrentHashMap<>();
    private final Map<String, Duration> lateness = new ConcurrentHashMap<>();
    private final EngineMetrics metrics;
    private final boolean dryRun;

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
        this.groups = List.copyOf(groups);
        this.metrics = metrics;
        this.dryRun = dryRun;
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
        String reason = verdict.map(Verdict::reason).orElse(result.failure().orElse(""));
        Optional<ScaleEvent> lastScale = state.lastScale();
        last.put(group, new GroupStatus(group, report.time(), report.outcome(), current, target,
                verdict.map(v -> OptionalInt.of(v.min())).orElse(OptionalInt.empty()),
                verdict.map(v -> OptionalInt.of(v.max())).orElse(OptionalInt.empty()),
                result.measurement(), reason, result.failure(), lastScale, state.activeConditions()));
        // The count the group runs now: after a scale, what the scale plugin answered.
        OptionalInt now = !dryRun && report.outcome() == TickReport.Outcome.SCALED && lastScale.isPresent()
                && lastScale.get().time().equals(report.time()) ? OptionalInt.of(lastScale.get().to()) : current;
        now.ifPresent(count -> metrics.processes(group, count));
        target.ifPresent(count -> metrics.desired(group, count));
        result.measurement().filter(m -> m.hasValue()).ifPresent(m -> metrics.measurement(group, m.value()));
        if (report.outcome() == TickReport.Outcome.SCALED && verdict.isPresent()) {
            metrics.scaled(group, verdict.get().target() > verdict.get().current());
        }
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

    /** @return how late the group's last scheduled tick started, if it had one */
    public Optional<Duration> lateness(String group) {
        return Optional.ofNullable(lateness.get(group));
    }
}
