package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A broker that goes away, or never answers, is a failed measurement with a reason, never an exception. */
class UnreachableRedisTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void failsWithAReasonOnceRedisStopsAndRecoversWhenItIsBack() throws Exception {
        try (RedisBroker broker = RedisBroker.start(null);
             OpenMeasure measure = OpenMeasure.open(Map.of("url", broker.url()), CLOCK)) {
            broker.client().lpush("celery", CeleryMessages.task("celery"));
            Measurement before = measure.measure();

            broker.stop();
            Measurement during = measure.measure();
            broker.restart();
            Measurement after = measure.measure();

            assertThat(before.describe()).isEqualTo("1 tasks");
            assertThat(after.describe()).isEqualTo("0 tasks");
            assertThat(during.succeeded()).isFalse();
            // host:port, not the URL: the engine masks setting 'url' whole, which would leave "Redis at ****"
            assertThat(during.failure()).startsWith("cannot reach Redis at " + broker.url().substring("redis://".length())
                    + " (Connection refused)")
                    .contains("check that Redis is running and the host and port in setting 'url'")
                    .doesNotContain(broker.url());
        }
    }

    @Test
    void failsNamingTheTimeoutsWhenRedisNeverAnswers() throws Exception {
        // The kernel completes the TCP handshake for a listening socket even though nothing ever accepts or answers.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             OpenMeasure measure = OpenMeasure.open(Map.of(
                     "url", "redis://:hunter2@127.0.0.1:" + silent.getLocalPort() + "/0",
                     "read_timeout", "200ms"), CLOCK)) {

            Measurement measurement = measure.measure();

            assertThat(measurement.failure())
                    .startsWith("Redis at 127.0.0.1:" + silent.getLocalPort() + "/0 did not answer in time")
                    .contains("read_timeout 200ms").doesNotContain("hunter2");
        }
    }
}
