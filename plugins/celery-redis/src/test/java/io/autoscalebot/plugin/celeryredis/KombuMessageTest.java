package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a task started waiting, read from kombu's envelope. */
class KombuMessageTest {

    private static final Instant T = Instant.parse("2026-01-05T09:58:30.250Z");

    @Test
    void readsTheAmqpTimestampProperty() {
        assertThat(KombuMessage.waitingSince(CeleryMessages.publishedAt("celery", 0, T))).contains(T);
    }

    @Test
    void readsTheEtaHeaderOfADelayedTask() {
        assertThat(KombuMessage.waitingSince(CeleryMessages.dueAt("celery", T))).contains(T);
    }

    @Test
    void readsANaiveEtaAsUtc() {
        String message = "{\"headers\": {\"eta\": \"2026-01-05T09:58:30.250000\"}, \"properties\": {}}";

        assertThat(KombuMessage.waitingSince(message)).contains(T);
    }

    @Test
    void takesTheLaterOfPublishTimeAndEtaBecauseATaskWaitsOnlyOnceDue() {
        String message = "{\"headers\": {\"eta\": \"2026-01-05T10:00:00+01:00\"}, "
                + "\"properties\": {\"timestamp\": 1767607000.5}}";

        assertThat(KombuMessage.waitingSince(message)).contains(Instant.parse("2026-01-05T09:56:40.500Z"));
    }

    @Test
    void findsNoTimeInAPlainCeleryTask() {
        assertThat(KombuMessage.waitingSince(CeleryMessages.task("celery"))).isEmpty();
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> KombuMessage.waitingSince("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is not JSON");
    }

    @Test
    void refusesATimestampThatIsNotANumber() {
        assertThatThrownBy(() -> KombuMessage.waitingSince("{\"properties\": {\"timestamp\": \"yesterday\"}}"))
                .hasMessageContaining("properties.timestamp must be POSIX seconds, got \"yesterday\"");
    }
}
