package io.autoscalebot.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.engine.context.NotificationRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksEveryOccurrenceOfEverySecret() {
        Redactor redactor = Redactor.of(Set.of("hunter2", "tok-123"));

        assertThat(redactor.redact("user:hunter2@db, token tok-123, again hunter2"))
                .isEqualTo("user:****@db, token ****, again ****");
    }

    @Test
    void masksTheLongerSecretWholeWhenOneContainsAnother() {
        Redactor redactor = Redactor.of(Set.of("abc", "abcdef"));

        assertThat(redactor.redact("key=abcdef")).isEqualTo("key=****");
    }

    @Test
    void ignoresEmptySecrets() {
        assertThat(Redactor.of(Set.of("")).redact("nothing secret")).isEqualTo("nothing secret");
    }

    @Test
    void masksANotificationsMessageAndDetails() {
        Notification notification = new NotificationRecord(EventType.SCALE_FAILED, "web", Instant.EPOCH,
                Notification.Phase.EVENT, "web: 401 with key k-9", Map.of("error", "401 with key k-9"));

        Notification redacted = Redactor.of(Set.of("k-9")).redact(notification);

        assertThat(redacted.message()).isEqualTo("web: 401 with key ****");
        assertThat(redacted.details()).containsEntry("error", "401 with key ****");
    }
}
