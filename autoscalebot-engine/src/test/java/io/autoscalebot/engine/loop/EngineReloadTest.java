package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.config.CountSchedule;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.state.FileStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration reload (SIGHUP) in virtual time: group by group, without losing state. */
class EngineReloadTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path stateDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private Engine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    /** Wants one more than it has, and remembers what it was told. */
    private static final class Remembering implements Decide {
        final List<DecideContext> seen = new CopyOnWriteArrayList<>();
        final int wanted;

        Remembering(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public Decision decide(DecideContext context) {
            seen.add(context);
            return wanted == 0 ? Decision.hold("steady") : Decision.scaleTo(wanted, "busy");
        }
    }

    private TestGroups group(Decide decide, FakeScale scale, RecordingNotify notify) {
        TestGroups group = new TestGroups();
        group.measure = TestPlugins.measure("steady", TestGroups.steady(clock, 1500));
        group.decide = TestPlugins.decide("remembering", decide);
        group.scale = TestPlugins.scale("fake", scale);
        group.notifiers = List.of(TestPlugins.notifier("recording", notify));
        return group;
    }

    private Engine start(GroupConfig... groups) {
        engine = new Engine(TestGroups.engine(stateDir, Set.of(), groups), clock, scheduler,
                new FileStateStore(stateDir, log), EngineOptions.DEFAULT.withLoggers(name -> log));
        engine.start();
        return engine;
    }

    @Test
    void anUnchangedGroupKeepsRunningUntouchedWhileAChangedOneIsRebuilt() {
        // given: web and api running, each ticked once
        FakeScale webScale = new FakeScale(2);
        FakeScale apiScale = new FakeScale(2);
        TestGroups web = group(new Remembering(0), webScale, new RecordingNotify());
        TestGroups api = group(new Remembering(0), apiScale, new RecordingNotify());
        start(web.build("web"), api.build("api"));
        scheduler.advance(MINUTE);

        // when: only api's max changes
        api.max = CountSchedule.fixed(20);
        Reload reload = engine.reload(TestGroups.engine(stateDir, Set.of(), web.build("web"), api.build("api")));

        // then
        assertThat(reload.unchanged()).containsExactly("web");
        assertThat(reload.changed()).containsExactly("api");
        assertThat(reload.describe()).isEqualTo("0 added, 1 changed (api), 0 removed, 1 unchanged");
        assertThat(webScale.teardowns).as("web was not torn down").hasValue(0);
        assertThat(apiScale.teardowns).as("api's old plugins were torn down").hasValue(1);
        assertThat(log.lines()).anyMatch(line -> line.contains("reloaded ")
                && line.contains("0 added, 1 changed (api), 0 removed, 1 unchanged"));
    }

    @Test
    void aChangedGroupKeepsItsLastScaleHistoryAndOpenConditions() {
        // given: web wanted 30 with a max of 10: scaled 2 -> 10, ABOVE_MAX told once
        Remembering decide = new Remembering(30);
        FakeScale scale = new FakeScale(2);
        RecordingNotify notes = new RecordingNotify();
        TestGroups web = group(decide, scale, notes);
        start(web.build("web"));
        scheduler.runDue();
        assertThat(scale.scaleCalls).containsExactly(10);
        assertThat(notes.of(EventType.ABOVE_MAX)).hasSize(1);

        // when: its timeout changes, and it ticks again under the new settings
        web.timeout = Duration.ofSeconds(7);
        Reload reload = engine.reload(TestGroups.engine(stateDir, Set.of(), web.build("web")));
        scheduler.advance(MINUTE);

        // then: the new pipeline saw the old measurement and the last scale, and did not tell ABOVE_MAX again
        assertThat(reload.changed()).containsExactly("web");
        DecideContext after = decide.seen.get(decide.seen.size() - 1);
        assertThat(decide.seen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(after.history()).as("measurements before and after the reload").hasSize(decide.seen.size());
        assertThat(after.lastScale()).hasValueSatisfying(last -> assertThat(last.to()).isEqualTo(10));
        assertThat(notes.of(EventType.ABOVE_MAX)).as("the condition stayed open, not told again").hasSize(1);
    }

    @Test
    void aRemovedGroupIsTornDownAndANewOneStarts() {
        FakeScale webScale = new FakeScale(2);
        FakeScale workerScale = new FakeScale(1);
        TestGroups web = group(new Remembering(0), webScale, new RecordingNotify());
        TestGroups worker = group(new Remembering(0), workerScale, new RecordingNotify());
        start(web.build("web"));
        scheduler.advance(MINUTE);

        Reload reload = engine.reload(TestGroups.engine(stateDir, Set.of(), worker.build("worker")));
        scheduler.advance(MINUTE);

        assertThat(reload.added()).containsExactly("worker");
        assertThat(reload.removed()).containsExactly("web");
        assertThat(webScale.teardowns).hasValue(1);
        List<String> ticked = log.lines();
        long webTicksBefore = ticked.stream().filter(line -> line.contains(" web: ")).count();
        scheduler.advance(MINUTE.multipliedBy(3));
        assertThat(log.lines().stream().filter(line -> line.contains(" web: ")).count())
                .as("web no longer ticks").isEqualTo(webTicksBefore);
        assertThat(log.lines()).as("worker ticks").anyMatch(line -> line.contains(" worker: "));
    }

    @Test
    void aStoppedEngineRefusesAReload() {
        TestGroups web = group(new Remembering(0), new FakeScale(2), new RecordingNotify());
        start(web.build("web"));
        engine.stop(Duration.ofSeconds(1));

        assertThatThrownBy(() -> engine.reload(TestGroups.engine(stateDir, Set.of(), web.build("web"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }
}
