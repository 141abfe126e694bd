package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.LeaderConfig;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.notify.NotifyRules;
import io.autoscalebot.engine.state.FileStateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives a failover through the lease store's shared state, and how the lease store's outages are told, in
 * virtual time. Each engine has its own state directory (two hosts), so only the lease store links them.
 */
class EngineFailoverTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    /** The decide plugin's post-scale wait. */
    private static final Duration WAIT = Duration.ofMinutes(5);

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final MemoryLease store = new MemoryLease(clock);
    private final FakeScale app = new FakeScale(1);
    private final RecordingLogger logA = new RecordingLogger();
    private final RecordingLogger logB = new RecordingLogger();
    private final RecordingNotify toldA = new RecordingNotify();
    private final RecordingNotify toldB = new RecordingNotify();
    private final VirtualScheduler schedulerA = new VirtualScheduler(clock);
    private final VirtualScheduler schedulerB = new VirtualScheduler(clock);
    /** The most processes the groups may have. */
    private int max = 100;
    private Engine a;
    private Engine b;

    @AfterEach
    void stop() {
        for (Engine engine : new Engine[] {a, b}) {
            if (engine != null) {
                engine.stop(Duration.ofSeconds(5));
            }
        }
    }

    /** Groups that want one process more than they have, except within {@link #WAIT} of their last scale. */
    private EngineConfig config(Path dir, RecordingNotify notify, String... names) {
        List<io.autoscalebot.engine.config.GroupConfig> groups = new java.util.ArrayList<>();
        for (String name : names) {
            TestGroups group = new TestGroups();
            group.interval = INTERVAL;
            group.max = CountSchedule.fixed(max);
            group.rules = new NotifyRules(EnumSet.of(EventType.SCALE, EventType.ABOVE_MAX,
                    EventType.LEASE_STORE_DOWN), 1000, Duration.ofMinutes(1));
            group.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 900));
            group.decide = TestPlugins.decide("patient", context -> {
                boolean waiting = context.lastScale().filter(last -> clock.instant().isBefore(last.time().plus(WAIT)))
                        .isPresent();
                return waiting ? Decision.hold("waiting after the last scale")
                        : Decision.scaleTo(context.current() + 1, "busy");
            });
            group.scale = TestPlugins.scale("app", app);
            // The same notifier configuration in every group, as one Slack webhook shared by all of them.
            group.notifiers = List.of(TestPlugins.notifier("told", notify));
            groups.add(group.build(name));
        }
        LeaderConfig leader = new LeaderConfig(store.component(), TTL, Duration.ofSeconds(2));
        return new EngineConfig(dir.resolve("autoscale.toml"), dir, groups, Set.of(), Optional.empty(),
                Optional.of(leader));
    }

    private Engine engine(Path dir, VirtualScheduler scheduler, RecordingLogger log, RecordingNotify notify,
                          String... groups) {
        return new Engine(config(dir, notify, groups), clock, scheduler, new FileStateStore(dir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
    }

    /** Both processes run what is due, time moving on in steps of a second; A only while {@code aRuns}. */
    private void run(Duration duration, boolean aRuns) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            schedulerB.advance(Duration.ofSeconds(1));
            if (aRuns) {
                schedulerA.runDue();
            }
        }
    }

    private static List<Notification> of(RecordingNotify told, EventType type, Notification.Phase phase) {
        return told.of(type).stream().filter(n -> n.phase() == phase).toList();
    }

    @Test
    void aNewLeaderHonoursThePostScaleWaitOfTheOldLeadersLastScale() {
        a = engine(dirA, schedulerA, logA, toldA, "web");
        a.start();
        schedulerA.runDue();
        assertThat(app.scaleCalls).as("A leads and scales at its first tick").containsExactly(2);
        Instant scaled = clock.instant();
        b = engine(dirB, schedulerB, logB, toldB, "web");
        b.start();

        // when: A is killed right after its scale (it never runs or releases again)
        run(TTL.multipliedBy(2), false);

        // then: B took over within 2 x TTL, but holds until the wait after A's scale is over
        assertThat(b.role()).contains("leader");
        run(WAIT.minus(TTL.multipliedBy(2)).minusSeconds(1), false);
        assertThat(app.scaleCalls).containsExactly(2);
        assertThat(toldB.of(EventType.SCALE)).isEmpty();

        // when: the wait is over, B scales (it is the leader, and acting)
        run(INTERVAL.plusSeconds(1), false);
        assertThat(app.scaleCalls).containsExactly(2, 3);
        assertThat(toldB.of(EventType.SCALE)).singleElement()
                .satisfies(n -> assertThat(n.time()).isAfterOrEqualTo(scaled.plus(WAIT)));
    }

    @Test
    void withoutSharedStateANewLeaderOnAnotherHostScalesAtOnce() {
        // The control for the test above: the same failover through a lease store that keeps no state.
        store.keepsState = false;
        a = engine(dirA, schedulerA, logA, toldA, "web");
        a.start();
        schedulerA.runDue();
        b = engine(dirB, schedulerB, logB, toldB, "web");
        b.start();

        run(TTL.multipliedBy(2), false);

        assertThat(app.scaleCalls).containsExactly(2, 3);
    }

    @Test
    void aNewLeaderDoesNotTellAnOpenConditionAgain() {
        max = 2;
        a = engine(dirA, schedulerA, logA, toldA, "web");
        a.start();
        schedulerA.runDue();
        run(WAIT.plus(INTERVAL), true);
        assertThat(app.scaleCalls).as("scaled to max, then wanted more").containsExactly(2);
        assertThat(of(toldA, EventType.ABOVE_MAX, Notification.Phase.STARTED)).hasSize(1);
        b = engine(dirB, schedulerB, logB, toldB, "web");
        b.start();

        // when: A is killed; B leads through several ticks still above max
        run(TTL.multipliedBy(2).plus(INTERVAL.multipliedBy(3)), false);

        // then: B knew the condition was already told
        assertThat(b.role()).contains("leader");
        assertThat(toldB.received).isEmpty();
        assertThat(logB.lines()).noneMatch(line -> line.contains("could not record the state"));
    }

    @Test
    void anOldLeaderCannotOverwriteItsSuccessorsState() throws Exception {
        a = engine(dirA, schedulerA, logA, toldA, "web");
        a.start();
        schedulerA.runDue();
        String recorded = store.state.get("group/web");
        assertThat(recorded).as("the leader's state in the lease store").contains("lastScale");

        // when: another instance takes the lease while A still believes it leads (its reckoning has not run out)
        store.takenBy("successor");
        assertThat(a.keeper().leads()).isTrue();

        // then: A's write is refused by the store, and what was recorded stays
        assertThatThrownBy(() -> a.keeper().write("group/web", "{}")).isInstanceOf(IOException.class)
                .hasMessageContaining("refused");
        assertThat(store.state.get("group/web")).isEqualTo(recorded);
    }

    @Test
    void aStoreOutageIsToldOncePerEpisodeByTheLeaderThroughEachNotifierConfigurationOnce() {
        a = engine(dirA, schedulerA, logA, toldA, "web", "worker");
        a.start();
        b = engine(dirB, schedulerB, logB, toldB, "web", "worker");
        b.start();
        run(Duration.ofSeconds(30), true);
        assertThat(a.role()).contains("leader");

        // when: the store is down for two minutes, then back
        store.down = true;
        run(Duration.ofMinutes(2), true);
        int whileDown = app.scaleCalls.size();
        assertThat(of(toldA, EventType.LEASE_STORE_DOWN, Notification.Phase.STARTED)).as("two groups, one notifier")
                .singleElement().satisfies(n -> {
                    assertThat(n.group()).isEqualTo("leader");
                    assertThat(n.message()).contains("the lease store cannot be asked", "Connection refused");
                });
        store.down = false;
        run(WAIT, true);

        // then: told once when it went and once when it came back, by the leader only; scaling resumed
        assertThat(toldA.of(EventType.LEASE_STORE_DOWN)).extracting(Notification::phase)
                .containsExactly(Notification.Phase.STARTED, Notification.Phase.ENDED);
        assertThat(toldB.of(EventType.LEASE_STORE_DOWN)).isEmpty();
        assertThat(app.scaleCalls.size()).isGreaterThan(whileDown);

        // when: a second episode
        store.down = true;
        run(Duration.ofMinutes(1), true);
        store.down = false;
        run(TTL.multipliedBy(2), true);

        // then: told again, once each way
        assertThat(of(toldA, EventType.LEASE_STORE_DOWN, Notification.Phase.STARTED)
                .size() + of(toldB, EventType.LEASE_STORE_DOWN, Notification.Phase.STARTED).size()).isEqualTo(2);
    }

    @Test
    void aStoreUnreachableAtTheStartIsToldOnceAndRetriedUntilItAnswers() {
        store.down = true;
        a = engine(dirA, schedulerA, logA, toldA, "web");
        a.start();
        schedulerA.runDue();
        run(Duration.ofMinutes(1), true);

        assertThat(app.scaleCalls).isEmpty();
        assertThat(toldA.of(EventType.LEASE_STORE_DOWN)).singleElement()
                .satisfies(n -> assertThat(n.phase()).isEqualTo(Notification.Phase.STARTED));

        store.down = false;
        run(TTL, true);

        assertThat(toldA.of(EventType.LEASE_STORE_DOWN)).extracting(Notification::phase)
                .containsExactly(Notification.Phase.STARTED, Notification.Phase.ENDED);
        assertThat(app.scaleCalls).isNotEmpty();
    }

    @Test
    void aNewLeaderThatCannotReadTheSharedStateActsOnNothingUntilItCan() {
        a = engine(dirA, schedulerA, logA, toldA, "web");
        a.start();
        schedulerA.runDue();
        assertThat(app.scaleCalls).containsExactly(2);
        b = engine(dirB, schedulerB, logB, toldB, "web");
        b.start();

        // when: A is killed, and B takes the lease but cannot read what A recorded
        store.readsFail = true;
        run(TTL.multipliedBy(2).plus(INTERVAL.multipliedBy(3)), false);

        // then: B leads, but measures and scales nothing, and says why
        assertThat(b.role()).contains("leader");
        assertThat(app.scaleCalls).containsExactly(2);
        assertThat(logB.lines()).anyMatch(line -> line.contains("the state the last leader recorded could not be read"));

        // when: the store answers reads again, B goes on from A's state: still inside A's post-scale wait
        store.readsFail = false;
        run(INTERVAL.plusSeconds(1), false);
        assertThat(app.scaleCalls).containsExactly(2);
    }
}
