package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.LeaderConfig;
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

    /** A and B: one clock, lease store and app; each its own scheduler, log and notifier. */
    private final TwoProcesses two = new TwoProcesses();
    /** The most processes the groups may have. */
    private int max = 100;
    private Engine a;
    private Engine b;

    @AfterEach
    void stop() {
        TwoProcesses.stop(a, b);
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
            group.measure = TestPlugins.measure("steady", TestGroups.steady(two.clock, 900));
            group.decide = TestPlugins.decide("patient", context -> {
                boolean waiting = context.lastScale().filter(last -> two.clock.instant().isBefore(last.time().plus(WAIT)))
                        .isPresent();
                return waiting ? Decision.hold("waiting after the last scale")
                        : Decision.scaleTo(context.current() + 1, "busy");
            });
            group.scale = TestPlugins.scale("app", two.app);
            // The same notifier configuration in every group, as one Slack webhook shared by all of them.
            group.notifiers = List.of(TestPlugins.notifier("told", notify));
            groups.add(group.build(name));
        }
        LeaderConfig leader = new LeaderConfig(two.store.component(), TTL, Duration.ofSeconds(2));
        return new EngineConfig(dir.resolve("autoscale.toml"), dir, groups, Set.of(), Optional.empty(),
                Optional.of(leader));
    }

    private Engine engine(Path dir, VirtualScheduler scheduler, RecordingLogger log, RecordingNotify notify,
                          String... groups) {
        return new Engine(config(dir, notify, groups), two.clock, scheduler, new FileStateStore(dir, log),
                EngineOptions.DEFAULT.withLoggers(name -> log));
    }

    /** Starts A with those groups and runs its first ticks: it takes the lease and acts at once. */
    private void startA(String... groups) {
        a = engine(dirA, two.schedulerA, two.logA, two.toldA, groups);
        a.start();
        two.schedulerA.runDue();
    }

    private static List<Notification> of(RecordingNotify told, EventType type, Notification.Phase phase) {
        return told.of(type).stream().filter(n -> n.phase() == phase).toList();
    }

    @Test
    void aNewLeaderHonoursThePostScaleWaitOfTheOldLeadersLastScale() {
        startA("web");
        assertThat(two.app.scaleCalls).as("A leads and scales at its first tick").containsExactly(2);
        Instant scaled = two.clock.instant();
        b = engine(dirB, two.schedulerB, two.logB, two.toldB, "web");
        b.start();

        // when: A is killed right after its scale (it never runs or releases again)
        two.run(TTL.multipliedBy(2), false);

        // then: B took over within 2 x TTL, but holds until the wait after A's scale is over
        assertThat(b.role()).contains("leader");
        two.run(WAIT.minus(TTL.multipliedBy(2)).minusSeconds(1), false);
        assertThat(two.app.scaleCalls).containsExactly(2);
        assertThat(two.toldB.of(EventType.SCALE)).isEmpty();

        // when: the wait is over, B scales (it is the leader, and acting)
        two.run(INTERVAL.plusSeconds(1), false);
        assertThat(two.app.scaleCalls).containsExactly(2, 3);
        assertThat(two.toldB.of(EventType.SCALE)).singleElement()
                .satisfies(n -> assertThat(n.time()).isAfterOrEqualTo(scaled.plus(WAIT)));
    }

    @Test
    void withoutSharedStateANewLeaderOnAnotherHostScalesAtOnce() {
        // The control for the test above: the same failover through a lease store that keeps no state.
        two.store.keepsState = false;
        startA("web");
        b = engine(dirB, two.schedulerB, two.logB, two.toldB, "web");
        b.start();

        two.run(TTL.multipliedBy(2), false);

        assertThat(two.app.scaleCalls).containsExactly(2, 3);
    }

    @Test
    void aNewLeaderDoesNotTellAnOpenConditionAgain() {
        max = 2;
        startA("web");
        two.run(WAIT.plus(INTERVAL), true);
        assertThat(two.app.scaleCalls).as("scaled to max, then wanted more").containsExactly(2);
        assertThat(of(two.toldA, EventType.ABOVE_MAX, Notification.Phase.STARTED)).hasSize(1);
        b = engine(dirB, two.schedulerB, two.logB, two.toldB, "web");
        b.start();

        // when: A is killed; B leads through several ticks still above max
        two.run(TTL.multipliedBy(2).plus(INTERVAL.multipliedBy(3)), false);

        // then: B knew the condition was already told
        assertThat(b.role()).contains("leader");
        assertThat(two.toldB.received).isEmpty();
        assertThat(two.logB.lines()).noneMatch(line -> line.contains("could not record the state"));
    }

    @Test
    void anOldLeaderCannotOverwriteItsSuccessorsState() throws Exception {
        startA("web");
        String recorded = two.store.state.get("group/web");
        assertThat(recorded).as("the leader's state in the lease store").contains("lastScale");

        // when: another instance takes the lease while A still believes it leads (its reckoning has not run out)
        two.store.takenBy("successor");
        assertThat(a.keeper().leads()).isTrue();

        // then: A's write is refused by the two.store, and what was recorded stays
        assertThatThrownBy(() -> a.keeper().write("group/web", "{}")).isInstanceOf(IOException.class)
                .hasMessageContaining("refused");
        assertThat(two.store.state.get("group/web")).isEqualTo(recorded);
    }

    @Test
    void aStoreOutageIsToldOncePerEpisodeByTheLeaderThroughEachNotifierConfigurationOnce() {
        a = engine(dirA, two.schedulerA, two.logA, two.toldA, "web", "worker");
        a.start();
        b = engine(dirB, two.schedulerB, two.logB, two.toldB, "web", "worker");
        b.start();
        two.run(Duration.ofSeconds(30), true);
        assertThat(a.role()).contains("leader");

        // when: the store is down for two minutes, then back
        two.store.down = true;
        two.run(Duration.ofMinutes(2), true);
        int whileDown = two.app.scaleCalls.size();
        assertThat(of(two.toldA, EventType.LEASE_STORE_DOWN, Notification.Phase.STARTED)).as("two groups, one notifier")
                .singleElement().satisfies(n -> {
                    assertThat(n.group()).isEqualTo("leader");
                    assertThat(n.message()).contains("the lease store cannot be asked", "Connection refused");
                });
        two.store.down = false;
        two.run(WAIT, true);

        // then: told once when it went and once when it came back, by the leader only; scaling resumed
        assertThat(two.toldA.of(EventType.LEASE_STORE_DOWN)).extracting(Notification::phase)
                .containsExactly(Notification.Phase.STARTED, Notification.Phase.ENDED);
        assertThat(two.toldB.of(EventType.LEASE_STORE_DOWN)).isEmpty();
        assertThat(two.app.scaleCalls.size()).isGreaterThan(whileDown);

        // when: a second episode
        two.store.down = true;
        two.run(Duration.ofMinutes(1), true);
        two.store.down = false;
        two.run(TTL.multipliedBy(2), true);

        // then: told again, once each way
        assertThat(of(two.toldA, EventType.LEASE_STORE_DOWN, Notification.Phase.STARTED)
                .size() + of(two.toldB, EventType.LEASE_STORE_DOWN, Notification.Phase.STARTED).size()).isEqualTo(2);
    }

    @Test
    void aStoreUnreachableAtTheStartIsToldOnceAndRetriedUntilItAnswers() {
        two.store.down = true;
        startA("web");
        two.run(Duration.ofMinutes(1), true);

        assertThat(two.app.scaleCalls).isEmpty();
        assertThat(two.toldA.of(EventType.LEASE_STORE_DOWN)).singleElement()
                .satisfies(n -> assertThat(n.phase()).isEqualTo(Notification.Phase.STARTED));

        two.store.down = false;
        two.run(TTL, true);

        assertThat(two.toldA.of(EventType.LEASE_STORE_DOWN)).extracting(Notification::phase)
                .containsExactly(Notification.Phase.STARTED, Notification.Phase.ENDED);
        assertThat(two.app.scaleCalls).isNotEmpty();
    }

    @Test
    void aNewLeaderThatCannotReadTheSharedStateActsOnNothingUntilItCan() {
        startA("web");
        assertThat(two.app.scaleCalls).containsExactly(2);
        b = engine(dirB, two.schedulerB, two.logB, two.toldB, "web");
        b.start();

        // when: A is killed, and B takes the lease but cannot read what A recorded
        two.store.readsFail = true;
        two.run(TTL.multipliedBy(2).plus(INTERVAL.multipliedBy(3)), false);

        // then: B leads, but measures and scales nothing, and says why
        assertThat(b.role()).contains("leader");
        assertThat(two.app.scaleCalls).containsExactly(2);
        assertThat(two.logB.lines()).anyMatch(line -> line.contains("the state the last leader recorded could not be read"));

        // when: the store answers reads again, B goes on from A's state: still inside A's post-scale wait
        two.store.readsFail = false;
        two.run(INTERVAL.plusSeconds(1), false);
        assertThat(two.app.scaleCalls).containsExactly(2);
    }
}
