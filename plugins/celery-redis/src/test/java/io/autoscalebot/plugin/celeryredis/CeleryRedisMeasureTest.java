package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The measure against a real redis-server holding queues written the way kombu's Redis transport writes them. */
class CeleryRedisMeasureTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SEP = "\u0006\u0016";

    private static RedisBroker broker;
    private static JedisPooled redis;

    @BeforeAll
    static void startRedis() {
        broker = RedisBroker.start(null);
        redis = broker.client();
    }

    @AfterAll
    static void stopRedis() {
        broker.close();
    }

    @BeforeEach
    void emptyRedis() {
        redis.flushAll();
    }

    @Test
    void countsTheBareListAndEveryPriorityList() throws Exception {
        push("celery", 2);
        push("celery" + SEP + "3", 1);
        push("celery" + SEP + "6", 3);
        push("celery" + SEP + "9", 1);

        Measurement measurement = measure(Map.of());

        assertThat(measurement.succeeded()).as(measurement.describe()).isTrue();
        assertThat(measurement.value()).isEqualTo(7.0);
        assertThat(measurement.unit()).isEqualTo("tasks");
        assertThat(measurement.time()).isEqualTo(NOW);
    }

    @Test
    void countsZeroWhenTheQueueHasNeverBeenUsed() throws Exception {
        Measurement measurement = measure(Map.of());

        assertThat(measurement.describe()).isEqualTo("0 tasks");
    }

    @Test
    void addsUpOnlyTheListedQueues() throws Exception {
        push("celery", 2);
        push("emails" + SEP + "9", 3);
        push("reports", 5);

        Measurement measurement = measure(Map.of("queues", List.of("celery", "emails")));

        assertThat(measurement.value()).isEqualTo(5.0);
    }

    @Test
    void countsOnlyTheConfiguredPrioritySteps() throws Exception {
        push("celery", 1);
        push("celery" + SEP + "1", 2);
        push("celery" + SEP + "3", 4);

        Measurement measurement = measure(Map.of("priority_steps", List.of(0, 1, 2)));

        assertThat(measurement.value()).isEqualTo(3.0);
    }

    @Test
    void readsTheKeysUnderTheGlobalKeyPrefix() throws Exception {
        push("shop:celery", 2);
        push("shop:celery" + SEP + "3", 1);
        push("celery", 10);

        Measurement measurement = measure(Map.of("key_prefix", "shop:"));

        assertThat(measurement.value()).isEqualTo(3.0);
    }

    @Test
    void addsTheReservedTasksWhenIncludeUnacked() throws Exception {
        push("celery", 2);
        redis.hset("unacked", "delivery-tag-1", CeleryMessages.unacked("celery"));
        redis.hset("unacked", "delivery-tag-2", CeleryMessages.unacked("celery"));

        Measurement without = measure(Map.of());
        Measurement with = measure(Map.of("include_unacked", true));

        assertThat(without.value()).isEqualTo(2.0);
        assertThat(with.value()).isEqualTo(4.0);
    }

    @Test
    void readsTheUnackedHashUnderTheGlobalKeyPrefix() throws Exception {
        redis.hset("shop:unacked", "delivery-tag-1", CeleryMessages.unacked("celery"));
        redis.hset("unacked", "delivery-tag-2", CeleryMessages.unacked("celery"));

        Measurement measurement = measure(Map.of("include_unacked", true, "key_prefix", "shop:"));

        assertThat(measurement.value()).isEqualTo(1.0);
    }

    @Test
    void failsNamingTheKeyWhenAQueueKeyIsNotAList() throws Exception {
        push("celery", 1);
        redis.set("celery" + SEP + "6", "not a queue");

        Measurement measurement = measure(Map.of());

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure())
                .contains("key 'celery\\x06\\x166' of queue 'celery' (priority 6) holds a string, not a list")
                .contains("'key_prefix'");
    }

    @Test
    void failsNamingTheUnackedKeyWhenItIsNotAHash() throws Exception {
        redis.lpush("unacked", "x");

        Measurement measurement = measure(Map.of("include_unacked", true));

        assertThat(measurement.failure()).contains("key 'unacked' of kombu's unacked hash holds a list, not a hash");
    }

    @Test
    void reportsHowLongTheOldestTaskHasWaitedAcrossQueuesAndPriorities() throws Exception {
        // LPUSH puts the newest at the head: the oldest of each list is pushed first.
        redis.lpush("celery", CeleryMessages.publishedAt("celery", 0, NOW.minusSeconds(90)),
                CeleryMessages.publishedAt("celery", 0, NOW.minusSeconds(10)));
        redis.lpush("celery" + SEP + "6", CeleryMessages.publishedAt("celery", 6, NOW.minusMillis(125_500)));
        redis.lpush("emails", CeleryMessages.publishedAt("emails", 0, NOW.minusSeconds(30)));

        Measurement measurement = measure(Map.of("report", "oldest_age", "queues", List.of("celery", "emails")));

        assertThat(measurement.succeeded()).as(measurement.describe()).isTrue();
        assertThat(measurement.value()).isEqualTo(125.5);
        assertThat(measurement.unit()).isEqualTo("s");
    }

    @Test
    void reportsAnAgeOfZeroWhenNoTaskWaits() throws Exception {
        Measurement measurement = measure(Map.of("report", "oldest_age"));

        assertThat(measurement.describe()).isEqualTo("0 s");
    }

    @Test
    void countsADelayedTaskAsWaitingFromItsEta() throws Exception {
        redis.lpush("celery", CeleryMessages.dueAt("celery", NOW.minusSeconds(45)));

        Measurement measurement = measure(Map.of("report", "oldest_age"));

        assertThat(measurement.value()).isEqualTo(45.0);
    }

    @Test
    void failsTheAgeWhenTheOldestTaskCarriesNoPublishTime() throws Exception {
        redis.lpush("celery", CeleryMessages.task("celery"), CeleryMessages.publishedAt("celery", 0, NOW));

        Measurement measurement = measure(Map.of("report", "oldest_age"));

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains("the oldest task in queue 'celery' carries no publish time")
                .contains("timestamp=time.time()");
    }

    @Test
    void failsTheAgeWhenTheOldestElementIsNotAKombuMessage() throws Exception {
        redis.lpush("celery", "hello");

        Measurement measurement = measure(Map.of("report", "oldest_age"));

        assertThat(measurement.failure()).contains("the oldest message in queue 'celery' (key 'celery') is not a kombu"
                + " message: it is not a JSON object");
    }

    @Test
    void failsSayingThePasswordIsNotNeededWhenRedisHasNone() throws Exception {
        Measurement measurement = measure(Map.of("url", broker.url("needless-Pa55")));

        assertThat(measurement.failure()).contains("has no password set, but setting 'url' gives one")
                .doesNotContain("needless-Pa55");
    }

    private static void push(String key, int tasks) {
        for (int i = 0; i < tasks; i++) {
            redis.lpush(key, CeleryMessages.task("celery"));
        }
    }

    private static Measurement measure(Map<String, ?> settings) throws Exception {
        Map<String, Object> all = new HashMap<>(settings);
        all.putIfAbsent("url", broker.url());
        try (OpenMeasure measure = OpenMeasure.open(all, CLOCK)) {
            return measure.measure();
        }
    }
}
