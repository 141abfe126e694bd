package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keeps the engine within bounds with many groups: its threads, its lateness, its log volume. */
class EngineScaleTest {

    private static final Decide HOLD = context -> Decision.hold("steady");

    @TempDir
    Path stateDir;

    private final RecordingLogger log = new RecordingLogger();

    private GroupConfig holding(Clock clock, String name, Duration interval) {
        TestGroups group = new TestGroups();
        group.interval = interval;
        group.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 800));
        group.decide = TestPlugins.decide("hold", HOLD);
        group.scale = TestPlugins.scale("fake", new FakeScale(2));
        return group.build(name);
    }

    @Test
    void aThousandGroupsRunOnABoundedNumberOfThreads() {
        // given: 1,000 groups with cheap in-process plugins, all due at the start (the worst case for threads)
        int groups = 1_000;
        Clock clock = Clock.systemUTC();
        List<GroupConfig> configs = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            configs.add(holding(clock, String.format("g%04d", i), Duration.ofMinutes(10)));
        }
        int bound = ExecutorScheduler.defaultThreads() + 2 * PluginCalls.defaultWorkers();
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        // Samples the engine's threads until the engine has stopped, teardown included.
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                most.accumulateAndGet(engineThreads(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }, "thread-sampler");
        sampler.start();
        Engine engine = new Engine(TestGroups.engine(stateDir, Set.of(), configs.toArray(GroupConfig[]::new)), clock,
                new ExecutorScheduler(ExecutorScheduler.defaultThreads()), new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
        try {
            // when: every group has ticked once
            engine.start();
            Await.until("a tick of every group", Duration.ofMinutes(2),
                    () -> engine.lateness().lastByGroup().size() == groups);
        } finally {
            engine.stop(Duration.ofSeconds(5));
            sampling.set(false);
        }
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        most.accumulateAndGet(engineThreads(), Math::max);

        // then: the engine never ran more threads than its fixed pools allow, nowhere near one per group
        assertThat(most.get()).as("most engine threads at once").isPositive().isLessThanOrEqualTo(bound);
        assertThat(engine.lateness().count()).isGreaterThanOrEqualTo(groups);
    }

    private static int engineThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread.isAlive() && (name.startsWith(ExecutorScheduler.THREAD_PREFIX)
                    || name.startsWith(PluginCalls.THREAD_PREFIX) || name.startsWith(Engine.TEARDOWN_PREFIX))) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theEngineMeasuresHowLateEachTickStarted() {
        // given: in virtual time, two groups due at the start; "slow"'s measure takes 3 s, and the scheduler runs one
        // tick at a time, so "web", due at the same instant, starts 3 s late
        ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        TestGroups slow = new TestGroups();
        AtomicBoolean first = new AtomicBoolean(true);
        slow.measure = TestPlugins.measure("slow", () -> {
            if (first.getAndSet(false)) {
                clock.advance(Duration.ofSeconds(3));
            }
            return Measurement.of(clock.instant(), 800, "ms");
        });
        slow.decide = TestPlugins.decide("hold", HOLD);
        slow.scale = TestPlugins.scale("fake", new FakeScale(2));
        Engine engine = new Engine(TestGroups.engine(stateDir, Set.of(), slow.build("slow"),
                holding(clock, "web", Duration.ofMinutes(1))), clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
        try {
            // when
            engine.start();
            scheduler.runDue();

            // then: each group's last lateness, and the engine-wide summary
            Lateness lateness = engine.lateness();
            assertThat(lateness.lastByGroup()).containsExactly(
                    java.util.Map.entry("slow", Duration.ZERO), java.util.Map.entry("web", Duration.ofSeconds(3)));
            assertThat(lateness.count()).isEqualTo(2);
            assertThat(lateness.max()).isEqualTo(Duration.ofSeconds(3));
            assertThat(lateness.total()).isEqualTo(Duration.ofSeconds(3));
            // one tick in the first bucket (<= 10 ms), one in the bucket up to 5 s
            int fiveSeconds = LatenessMeter.BOUNDS.indexOf(Duration.ofSeconds(5));
            assertThat(lateness.counts().get(0)).isEqualTo(1);
            assertThat(lateness.counts().get(fiveSeconds)).isEqualTo(1);
            assertThat(lateness.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);

            // when: the next interval, where both are on time again
            scheduler.advance(Duration.ofMinutes(1));
            // then: web's last lateness is back to zero while the maximum remembers
            assertThat(engine.lateness().lastByGroup().get("web")).isEqualTo(Duration.ZERO);
            assertThat(engine.lateness().max()).isEqualTo(Duration.ofSeconds(3));
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void withSpreadFirstTicksEachGroupFirstTicksAtItsOffsetWithinTheInterval() {
        // given: two groups on 30 s, first ticks spread, in virtual time
        ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        Duration interval = Duration.ofSeconds(30);
        Engine engine = new Engine(TestGroups.engine(stateDir, Set.of(), holding(clock, "web", interval),
                holding(clock, "worker", interval)), clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log).withSpreadFirstTicks(true));
        Duration web = FirstTicks.offset("web", interval);
        Duration worker = FirstTicks.offset("worker", interval);
        assertThat(web).isNotEqualTo(worker);
        Duration earlier = web.compareTo(worker) < 0 ? web : worker;
        try {
            // when: the start, then up to just before the earlier offset
            engine.start();
            scheduler.advance(earlier.minusNanos(1));
            // then: nothing ticked yet
            assertThat(engine.lateness().count()).isZero();
            // when: the rest of the first interval
            scheduler.advance(interval.minus(earlier));
            // then: both ticked once, on time
            assertThat(engine.lateness().count()).isEqualTo(2);
            assertThat(engine.lateness().lastByGroup()).containsOnlyKeys("web", "worker");
            assertThat(engine.lateness().max()).isZero();
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aHeldTickWithNothingNewLogsBelowInfoAndAScaleAtInfo() {
        // given: web holds, api scales up
        ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        TestGroups api = new TestGroups();
        api.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        api.decide = TestPlugins.decide("up", context -> Decision.scaleTo(context.current() + 1, "busy"));
        api.scale = TestPlugins.scale("fake", new FakeScale(2));
        Engine engine = new Engine(TestGroups.engine(stateDir, Set.of(), holding(clock, "web", Duration.ofMinutes(1)),
                api.build("api")), clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
        try {
            // when
            engine.start();
            scheduler.runDue();
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
        // then: web's held tick (its measurement notified, nothing else) below INFO; api's scale at INFO
        assertThat(log.lines()).anyMatch(line -> line.startsWith("DEBUG web:"));
        assertThat(log.lines()).noneMatch(line -> line.startsWith("INFO web:"));
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO api:") && line.contains("2 -> 3"));
    }
}
