package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.config.LeaderConfig;
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

    /** A and B: one clock, lease store and app; each its own scheduler, log and notifier. */
    private final TwoProcesses two = new TwoProcesses();
    private Engine a;
    private volatile boolean stealWhileDeciding;
    private Engine b;

    @AfterEach
    void stop() {
        TwoProcesses.stop(a, b);
    }

    /** A group that always wants one more process (up to 100), so every tick of a leader scales. */
    private EngineConfig config(RecordingNotify notify) {
        TestGroups group = new TestGroups();
        group.interval = INTERVAL;
        group.max = io.autoscalebot.engine.config.CountSchedule.fixed(100);
        group.rules = new io.autoscalebot.engine.notify.NotifyRules(
                java.util.EnumSet.of(io.autoscalebot.api.notify.EventType.SCALE), 1000, Duration.ofMinutes(1));
        group.measure = TestPlugins.measure("steady", TestGroups.steady(two.clock, 900));
        group.decide = TestPlugins.decide("more", context -> {
            if (stealWhileDeciding) {
                // The leader stalls here (a GC pause, SIGSTOP) and another instance takes the lease meanwhile.
                stealWhileDeciding = false;
                two.store.takenBy("someone-else");
            }
            return Decision.scaleTo(context.current() + 1, "busy");
        });
        group.scale = TestPlugins.scale("app", two.app);
        group.notifiers = List.of(TestPlugins.notifier("told", notify));
        GroupConfig web = group.build("web");
        LeaderConfig leader = new LeaderConfig(two.store.component(), TTL, Duration.ofSeconds(2));
        return new EngineConfig(stateDir.resolve("autoscale.toml"), stateDir, List.of(web), Set.of(),
                Optional.empty(), Optional.of(leader));
    }

    private Engine engine(VirtualScheduler scheduler, RecordingLogger log, RecordingNotify notify) {
        return new Engine(config(notify), two.clock, scheduler, new FileStateStore(stateDir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
    }

    private void startBoth() {
        a = engine(two.schedulerA, two.logA, two.toldA);
        b = engine(two.schedulerB, two.logB, two.toldB);
        a.start();
        b.start();
    }

    @Test
    void exactlyOneOfTwoEnginesScalesAndNotifies() {
        startBoth();

        two.run(Duration.ofMinutes(2), true);

        assertThat(two.app.scaleCalls).hasSizeBetween(11, 13);
        assertThat(two.toldA.received).hasSize(two.app.scaleCalls.size());
        assertThat(two.toldB.received).isEmpty();
        assertThat(two.logA.lines()).anyMatch(line -> line.contains("this instance is the leader now"));
        assertThat(two.logB.lines()).anyMatch(line -> line.contains("standby: another instance holds the lease"));
    }

    @Test
    void eachEngineSaysWhetherItLeadsOrStandsBySoTheStatusServerCanTell() {
        a = engine(two.schedulerA, two.logA, two.toldA);
        assertThat(a.role()).as("before the lease was asked for").isEmpty();

        b = engine(two.schedulerB, two.logB, two.toldB);
        a.start();
        b.start();
        two.run(Duration.ofSeconds(10), true);

        assertThat(a.role()).contains("leader");
        assertThat(b.role()).contains("standby");
    }

    @Test
    void aStandbyTakesOverWithinTwiceTheTtlWhenTheLeaderStopsRenewing() {
        startBoth();
        two.run(Duration.ofSeconds(30), true);
        int byA = two.app.scaleCalls.size();
        assertThat(byA).isPositive();

        // when: A is paused (SIGSTOP, a GC pause): its scheduler runs nothing while time goes on
        Instant paused = two.clock.instant();
        two.run(TTL.multipliedBy(2), false);

        // then: B holds the lease and has scaled, within 2 x TTL of the pause
        assertThat(two.toldB.received).isNotEmpty();
        assertThat(two.toldB.received.get(0).time()).isBeforeOrEqualTo(paused.plus(TTL.multipliedBy(2)));
        assertThat(two.app.scaleCalls.size()).isGreaterThan(byA);

        // when: A wakes up and runs what fell due meanwhile
        int before = two.toldA.received.size();
        two.schedulerA.runDue();
        two.run(Duration.ofSeconds(30), true);

        // then: A never scaled or told anything again
        assertThat(two.toldA.received).hasSize(before);
        assertThat(two.logA.lines()).anyMatch(line -> line.contains("lost the lease") || line.contains("standby"));
    }

    @Test
    void aLeaderWhoseLeaseWasTakenDoesNotScaleEvenBeforeItsOwnReckoningRunsOut() {
        a = engine(two.schedulerA, two.logA, two.toldA);
        a.start();
        two.schedulerA.advance(INTERVAL);
        int before = two.app.scaleCalls.size();
        assertThat(before).isPositive();

        // when: the lease goes to another instance after A decided, before it scales; A's own reckoning still says
        // it leads (its last renewal is recent)
        stealWhileDeciding = true;
        two.schedulerA.advance(INTERVAL);

        // then: the check right before the scale call found out, and nothing was scaled
        assertThat(two.app.scaleCalls).hasSize(before);
        assertThat(two.logA.lines()).anyMatch(line -> line.contains("no longer holds the lease"));
    }

    @Test
    void nobodyScalesWhileTheStoreIsDownSaysSoOnceAndRecovers() {
        startBoth();
        two.run(Duration.ofSeconds(30), true);
        int before = two.app.scaleCalls.size();

        // when: the store is down for two minutes
        two.store.down = true;
        two.run(TTL, true);
        int atMost = two.app.scaleCalls.size();
        two.run(Duration.ofMinutes(2), true);

        // then: nobody scaled once the leader's lease ran out; each engine warned once
        assertThat(two.app.scaleCalls.size()).isEqualTo(atMost).isLessThanOrEqualTo(before + 2);
        assertThat(two.logA.lines()).filteredOn(line -> line.contains("the lease store cannot be asked")).hasSize(1);
        assertThat(two.logB.lines()).filteredOn(line -> line.contains("the lease store cannot be asked")).hasSize(1);

        // when: it is back
        two.store.down = false;
        two.run(TTL.multipliedBy(2), true);

        // then: one leader scales again
        assertThat(two.app.scaleCalls.size()).isGreaterThan(atMost);
        assertThat(two.logA.lines()).anyMatch(line -> line.contains("the lease store answers again"));
    }

    @Test
    void aCleanStopGivesTheLeaseUpSoTheStandbyTakesOverAtOnce() {
        startBoth();
        two.run(Duration.ofSeconds(5), true);
        assertThat(two.store.holder()).isNotNull();
        Engine leader = a.keeper().leads() ? a : b;

        leader.stop(Duration.ofSeconds(5));

        assertThat(two.store.holder()).isNull();
    }
}
