package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.config.LeaderConfig;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on one configuration with a {@code [leader]} lease, in virtual time: exactly one acts, a leader that lost
 * its lease never scales, a standby takes over within twice the ttl, and a store that is down stops everyone.
 */
class EngineLeaderTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final MemoryLease store = new MemoryLease(clock);
    /** One process each: its scheduler, its engine, the app's processes it scales (shared: one app). */
    private final FakeScale app = new FakeScale(1);
    private final RecordingLogger logA = new RecordingLogger();
    private final RecordingLogger logB = new RecordingLogger();
    private final RecordingNotify toldA = new RecordingNotify();
    private final RecordingNotify toldB = new RecordingNotify();
    private final VirtualScheduler schedulerA = new VirtualScheduler(clock);
    private final VirtualScheduler schedulerB = new VirtualScheduler(clock);
    private Engine a;
    private volatile boolean stealWhileDeciding;
    private Engine b;

    @AfterEach
    void stop() {
        for (Engine engine : new Engine[] {a, b}) {
            if (engine != null) {
                engine.stop(Duration.ofSeconds(5));
            }
        }
    }

    /** A group that always wants one more process (up to 100), so every tick of a leader scales. */
    private EngineConfig config(RecordingNotify notify) {
        TestGroups group = new TestGroups();
        group.interval = INTERVAL;
        group.max = io.autoscalebot.engine.config.CountSchedule.fixed(100);
        group.rules = new io.autoscalebot.engine.notify.NotifyRules(
                java.util.EnumSet.of(io.autoscalebot.api.notify.EventType.SCALE), 1000, Duration.ofMinutes(1));
        group.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 900));
        group.decide = TestPlugins.decide("more", context -> {
            if (stealWhileDeciding) {
                // The leader stalls here (a GC pause, SIGSTOP) and another instance takes the lease meanwhile.
                stealWhileDeciding = false;
                store.takenBy("someone-else");
            }
            return Decision.scaleTo(context.current() + 1, "busy");
        });
        group.scale = TestPlugins.scale("app", app);
        group.notifiers = List.of(TestPlugins.notifier("told", notify));
        GroupConfig web = group.build("web");
        LeaderConfig leader = new LeaderConfig(store.component(), TTL, Duration.ofSeconds(2));
        return new EngineConfig(stateDir.resolve("autoscale.toml"), stateDir, List.of(web), Set.of(),
                Optional.empty(), Optional.of(leader));
    }

    private Engine engine(VirtualScheduler scheduler, RecordingLogger log, RecordingNotify notify) {
        return new Engine(config(notify), clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
    }

    /** Both processes run what is due, time moving on in steps of a second. */
    private void run(Duration duration, boolean aRuns) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            schedulerB.advance(Duration.ofSeconds(1));
            if (aRuns) {
                schedulerA.runDue();
            }
        }
    }

    private void startBoth() {
        a = engine(schedulerA, logA, toldA);
        b = engine(schedulerB, logB, toldB);
        a.start();
        b.start();
    }

    @Test
    void exactlyOneOfTwoEnginesScalesAndNotifies() {
        startBoth();

        run(Duration.ofMinutes(2), true);

        assertThat(app.scaleCalls).hasSizeBetween(11, 13);
        assertThat(toldA.received).hasSize(app.scaleCalls.size());
        assertThat(toldB.received).isEmpty();
        assertThat(logA.lines()).anyMatch(line -> line.contains("this instance is the leader now"));
        assertThat(logB.lines()).anyMatch(line -> line.contains("standby: another instance holds the lease"));
    }

    @Test
    void eachEngineSaysWhetherItLeadsOrStandsBySoTheStatusServerCanTell() {
        a = engine(schedulerA, logA, toldA);
        assertThat(a.role()).as("before the lease was asked for").isEmpty();

        b = engine(schedulerB, logB, toldB);
        a.start();
        b.start();
        run(Duration.ofSeconds(10), true);

        assertThat(a.role()).contains("leader");
        assertThat(b.role()).contains("standby");
    }

    @Test
    void aStandbyTakesOverWithinTwiceTheTtlWhenTheLeaderStopsRenewing() {
        startBoth();
        run(Duration.ofSeconds(30), true);
        int byA = app.scaleCalls.size();
        assertThat(byA).isPositive();

        // when: A is paused (SIGSTOP, a GC pause): its scheduler runs nothing while time goes on
        Instant paused = clock.instant();
        run(TTL.multipliedBy(2), false);

        // then: B holds the lease and has scaled, within 2 x TTL of the pause
        assertThat(toldB.received).isNotEmpty();
        assertThat(toldB.received.get(0).time()).isBeforeOrEqualTo(paused.plus(TTL.multipliedBy(2)));
        assertThat(app.scaleCalls.size()).isGreaterThan(byA);

        // when: A wakes up and runs what fell due meanwhile
        int before = toldA.received.size();
        schedulerA.runDue();
        run(Duration.ofSeconds(30), true);

        // then: A never scaled or told anything again
        assertThat(toldA.received).hasSize(before);
        assertThat(logA.lines()).anyMatch(line -> line.contains("lost the lease") || line.contains("standby"));
    }

    @Test
    void aLeaderWhoseLeaseWasTakenDoesNotScaleEvenBeforeItsOwnReckoningRunsOut() {
        a = engine(schedulerA, logA, toldA);
        a.start();
        schedulerA.advance(INTERVAL);
        int before = app.scaleCalls.size();
        assertThat(before).isPositive();

        // when: the lease goes to another instance after A decided, before it scales; A's own reckoning still says
        // it leads (its last renewal is recent)
        stealWhileDeciding = true;
        schedulerA.advance(INTERVAL);

        // then: the check right before the scale call found out, and nothing was scaled
        assertThat(app.scaleCalls).hasSize(before);
        assertThat(logA.lines()).anyMatch(line -> line.contains("no longer holds the lease"));
    }

    @Test
    void nobodyScalesWhileTheStoreIsDownSaysSoOnceAndRecovers() {
        startBoth();
        run(Duration.ofSeconds(30), true);
        int before = app.scaleCalls.size();

        // when: the store is down for two minutes
        store.down = true;
        run(TTL, true);
        int atMost = app.scaleCalls.size();
        run(Duration.ofMinutes(2), true);

        // then: nobody scaled once the leader's lease ran out; each engine warned once
        assertThat(app.scaleCalls.size()).isEqualTo(atMost).isLessThanOrEqualTo(before + 2);
        assertThat(logA.lines()).filteredOn(line -> line.contains("the lease store cannot be asked")).hasSize(1);
        assertThat(logB.lines()).filteredOn(line -> line.contains("the lease store cannot be asked")).hasSize(1);

        // when: it is back
        store.down = false;
        run(TTL.multipliedBy(2), true);

        // then: one leader scales again
        assertThat(app.scaleCalls.size()).isGreaterThan(atMost);
        assertThat(logA.lines()).anyMatch(line -> line.contains("the lease store answers again"));
    }

    @Test
    void aCleanStopGivesTheLeaseUpSoTheStandbyTakesOverAtOnce() {
        startBoth();
        run(Duration.ofSeconds(5), true);
        assertThat(store.holder()).isNotNull();
        Engine leader = a.keeper().leads() ? a : b;

        leader.stop(Duration.ofSeconds(5));

        assertThat(store.holder()).isNull();
    }
}
