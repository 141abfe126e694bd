package io.autoscalebot.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notification.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static NotificationPolicy policy(Set<EventType> notifyOn, Set<EventType> active) {
        return new NotificationPolicy("web", new NotifyRules(notifyOn, 10, Duration.ofHours(1)),
                Redactor.of(Set.of("pw")), active);
    }

    @Test
    void aConditionIsToldOnItsEdgesOnly() {
        NotificationPolicy policy = policy(EnumSet.allOf(EventType.class), Set.of());

        var first = policy.condition(EventType.ABOVE_MAX, true, T, "wants 6", "back", Map.of());
        var again = policy.condition(EventType.ABOVE_MAX, true, T, "wants 6", "back", Map.of());
        var ended = policy.condition(EventType.ABOVE_MAX, false, T, "wants 6", "back", Map.of());
        var stillOff = policy.condition(EventType.ABOVE_MAX, false, T, "wants 6", "back", Map.of());

        assertThat(first).get().extracting(Notification::phase, Notification::message)
                .containsExactly(Phase.STARTED, "web: wants 6");
        assertThat(again).isEmpty();
        assertThat(ended).get().extracting(Notification::phase, Notification::message)
                .containsExactly(Phase.ENDED, "web: back");
        assertThat(stillOff).isEmpty();
    }

    @Test
    void aConditionAlreadyToldBeforeARestartIsNotToldAgain() {
        NotificationPolicy policy = policy(EnumSet.allOf(EventType.class), Set.of(EventType.MEASUREMENT_FAILED));

        assertThat(policy.condition(EventType.MEASUREMENT_FAILED, true, T, "down", "up", Map.of())).isEmpty();
        assertThat(policy.activeConditions()).containsExactly(EventType.MEASUREMENT_FAILED);
    }

    @Test
    void typesNotInNotifyOnAreTrackedButNotSent() {
        NotificationPolicy policy = policy(Set.of(EventType.SCALE), Set.of());

        assertThat(policy.condition(EventType.BELOW_MIN, true, T, "wants 0", "back", Map.of())).isEmpty();
        assertThat(policy.event(EventType.MEASUREMENT, T, "measured 5 ms", Map.of())).isEmpty();
        assertThat(policy.activeConditions()).containsExactly(EventType.BELOW_MIN);
        assertThat(policy.event(EventType.SCALE, T, "scaled 2 -> 3: pw in reason", Map.of("reason", "pw")))
                .get().satisfies(n -> {
                    assertThat(n.message()).isEqualTo("web: scaled 2 -> 3: **** in reason");
                    assertThat(n.details()).containsEntry("reason", "****");
                });
    }

    @Test
    void aConditionCannotBeSentAsAnEvent() {
        assertThatThrownBy(() -> policy(Set.of(), Set.of()).event(EventType.TOO_RAPID, T, "x", Map.of()))
                .hasMessageContaining("TOO_RAPID is a condition");
    }
}
