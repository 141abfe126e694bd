package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.config.ComponentConfig;
import io.autoscalebot.engine.config.Fallback;
import io.autoscalebot.engine.loop.TestPlugins.FakeScale;
import io.autoscalebot.engine.loop.TestPlugins.RecordingNotify;
import io.autoscalebot.engine.notify.EventSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A reload rebuilds a group when anything it runs with changed, and only then. */
class GroupChangeTest {

    private final TestGroups group = new TestGroups();

    GroupChangeTest() {
        group.measure = TestPlugins.measure("steady", TestGroups.steady(Clock.systemUTC(), 1));
        group.decide = TestPlugins.decide("hold", context -> Decision.hold("steady"));
        group.scale = TestPlugins.scale("fake", new FakeScale(1));
        group.notifiers = List.of(TestPlugins.notifier("recording", new RecordingNotify()));
    }

    @Test
    void theSameSettingsAreTheSameGroup() {
        assertThat(GroupChange.same(group.build("web"), group.build("web"))).isTrue();
    }

    @Test
    void aChangedFallbackRebuildsTheGroup() {
        var running = group.build("web");
        group.fallback = new Fallback(3, OptionalInt.of(4));

        assertThat(GroupChange.same(running, group.build("web"))).isFalse();
    }

    @Test
    void aChangedSetupTimeoutRebuildsTheGroup() {
        var running = group.build("web");
        group.setupTimeout = Duration.ofSeconds(90);

        assertThat(GroupChange.same(running, group.build("web"))).isFalse();
    }

    @Test
    void aNotifiersChangedNotifyOnRebuildsTheGroup() {
        var running = group.build("web");
        ComponentConfig notifier = group.notifiers.get(0);
        group.notifiers = List.of(notifier.withEvents(EventSchedule.fixed(EnumSet.of(EventType.SCALE))));

        assertThat(GroupChange.same(running, group.build("web"))).isFalse();
    }
}
