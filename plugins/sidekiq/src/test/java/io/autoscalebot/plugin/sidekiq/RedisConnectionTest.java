package io.autoscalebot.plugin.sidekiq;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logging in, and Redis refusing, missing or never answering: each a failed measurement with a reason that names the
 * server by its redacted URL and never shows a password, raw or percent-encoded.
 */
@ExtendWith(SharedRedis.class)
class RedisConnectionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private static final String ENCODED_PASSWORD = URLEncoder.encode(SharedRedis.PASSWORD, StandardCharsets.UTF_8);

    private SharedRedis.Server redis;

    @BeforeEach
    void oneJobWaits() {
        redis = SharedRedis.server();
        redis.client().flushAll();
        new SidekiqJobs(redis.client(), "").enqueue(SidekiqJobs.Version.SIDEKIQ_8, "default", CLOCK.instant());
    }

    @Test
    void readsAsAnAclUserWithAPercentEncodedPassword() throws Exception {
        Measurement measurement = measure("redis://" + SharedRedis.USER + ":" + ENCODED_PASSWORD + "@127.0.0.1:"
                + redis.port() + "/0");

        assertThat(measurement.describe()).isEqualTo("1 jobs");
    }

    @Test
    void failsWithoutShowingAWrongPasswordInAnyForm() throws Exception {
        String wrong = "wr0ng/Pa55+word";
        String encoded = URLEncoder.encode(wrong, StandardCharsets.UTF_8);

        Measurement measurement = measure("redis://" + SharedRedis.USER + ":" + encoded + "@127.0.0.1:"
                + redis.port() + "/0");

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure())
                .startsWith("Redis at redis://****@127.0.0.1:" + redis.port() + "/0 refused the login")
                .contains("check the user and password in setting 'url'")
                .doesNotContain(wrong).doesNotContain(encoded).doesNotContain(SharedRedis.USER)
                .doesNotContain("\n\tat ");
    }

    @Test
    void failsAskingForAPasswordWhenRedisRequiresOne() throws Exception {
        redis.setUser("default", "resetpass", ">default-Pa55");
        try {
            Measurement measurement = measure(redis.url());

            assertThat(measurement.failure()).isEqualTo("Redis at " + redis.url() + " requires a password; put it in "
                    + "setting 'url' like redis://:PASSWORD@host:6379/0");
        } finally {
            redis.setUser("default", "resetpass", "nopass");
        }
    }

    @Test
    void failsSayingThereIsNoPasswordToGive() throws Exception {
        Measurement measurement = measure("redis://:needless-Pa55@127.0.0.1:" + redis.port() + "/0");

        assertThat(measurement.failure()).contains("has no password set, but setting 'url' gives one")
                .doesNotContain("needless-Pa55");
    }

    @Test
    void failsHintingAtTlsWhenTheServerDoesNotSpeakIt() throws Exception {
        // Redis reads the TLS hello as the start of a command and waits for the rest, so the client times out.
        Measurement measurement = OpenMeasure.once(Map.of("url", "rediss://:tls-Pa55@127.0.0.1:" + redis.port() + "/0",
                "timeout", "300ms"), CLOCK);

        assertThat(measurement.failure()).startsWith("Redis at rediss://****@127.0.0.1:" + redis.port()
                + "/0 did not answer within the timeout of 300ms")
                .endsWith("(a Redis that does not speak TLS on that port never answers rediss:// either)")
                .doesNotContain("tls-Pa55");
    }

    @Test
    void failsWithAReasonWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Measurement measurement = measure("redis://:closed-Pa55@127.0.0.1:" + closedPort + "/0");

        assertThat(measurement.failure()).startsWith("cannot reach Redis at redis://****@127.0.0.1:" + closedPort
                + "/0 (Connection refused)").contains("check that Redis is running and the host and port in setting "
                + "'url'").doesNotContain("closed-Pa55");
    }

    @Test
    void failsNamingTheTimeoutWhenRedisNeverAnswers() throws Exception {
        // The kernel completes the TCP handshake for a listening socket even though nothing ever accepts or answers.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             OpenMeasure measure = OpenMeasure.open(Map.of(
                     "url", "redis://:hunter2-Pa55@127.0.0.1:" + silent.getLocalPort() + "/0",
                     "timeout", "200ms"), CLOCK)) {

            Measurement measurement = measure.measure();

            assertThat(measurement.failure()).isEqualTo("Redis at redis://****@127.0.0.1:" + silent.getLocalPort()
                    + "/0 did not answer within the timeout of 200ms; check the network, or raise setting 'timeout'");
        }
    }

    @Test
    void measuresAgainOnTheSameConnectionsTickAfterTick() throws Exception {
        try (OpenMeasure measure = OpenMeasure.open(Map.of("url", redis.url()), CLOCK)) {
            Measurement first = measure.measure();
            new SidekiqJobs(redis.client(), "").enqueue(SidekiqJobs.Version.SIDEKIQ_7, "default", CLOCK.instant());
            Measurement second = measure.measure();

            assertThat(first.describe()).isEqualTo("1 jobs");
            assertThat(second.describe()).isEqualTo("2 jobs");
        }
    }

    private static Measurement measure(String url) throws Exception {
        return OpenMeasure.once(Map.of("url", url), CLOCK);
    }
}
