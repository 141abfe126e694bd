package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broker with {@code requirepass}: the right password reads, a wrong one fails without ever being shown. */
class PasswordProtectedRedisTest {

    private static final String PASSWORD = "s3cr3t-Pa55";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    private static RedisBroker broker;

    @BeforeAll
    static void startRedis() {
        broker = RedisBroker.start(PASSWORD);
        broker.client().lpush("celery", CeleryMessages.task("celery"), CeleryMessages.task("celery"));
    }

    @AfterAll
    static void stopRedis() {
        broker.close();
    }

    @Test
    void countsWithTheRightPassword() throws Exception {
        Measurement measurement = measure(broker.url(PASSWORD));

        assertThat(measurement.describe()).isEqualTo("2 tasks");
    }

    @Test
    void countsWithTheDefaultUserNamedExplicitly() throws Exception {
        Measurement measurement = measure(broker.url(PASSWORD).replace("redis://:", "redis://default:"));

        assertThat(measurement.describe()).isEqualTo("2 tasks");
    }

    @Test
    void failsWithoutShowingAWrongPassword() throws Exception {
        Measurement measurement = measure(broker.url("wrong-Pa55word"));

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains("Redis at 127.0.0.1:").contains("refused the login")
                .contains("check the user and password in setting 'url'")
                .doesNotContain("wrong-Pa55word").doesNotContain(PASSWORD);
    }

    @Test
    void failsAskingForThePasswordWhenTheUrlHasNone() throws Exception {
        Measurement measurement = measure(broker.url());

        assertThat(measurement.failure()).contains("requires a password")
                .contains("redis://:PASSWORD@host:port/db");
    }

    private static Measurement measure(String url) throws Exception {
        try (OpenMeasure measure = OpenMeasure.open(Map.of("url", url), CLOCK)) {
            return measure.measure();
        }
    }
}
