package io.autoscalebot.plugin.sidekiq;

import static io.autoscalebot.plugin.sidekiq.SidekiqJobs.Version.SIDEKIQ_7;
import static io.autoscalebot.plugin.sidekiq.SidekiqJobs.Version.SIDEKIQ_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** The measure against a real redis-server holding jobs written the way Sidekiq 7 and Sidekiq 8 write them. */
@ExtendWith(SharedRedis.class)
class SidekiqMeasureTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private JedisPooled redis;
    private SidekiqJobs sidekiq;

    @BeforeEach
    void emptyRedis() {
        redis = SharedRedis.server().client();
        redis.flushAll();
        sidekiq = new SidekiqJobs(redis, "");
    }

    @Test
    void countsTheJobsWaitingInTheDefaultQueue() throws Exception {
        enqueue(SIDEKIQ_8, "default", 3);

        Measurement measurement = measure(Map.of());

        assertThat(measurement.succeeded()).as(measurement.describe()).isTrue();
        assertThat(measurement.value()).isEqualTo(3.0);
        assertThat(measurement.unit()).isEqualTo("jobs");
        assertThat(measurement.time()).isEqualTo(NOW);
    }

    @Test
    void sumsTheListedQueuesOnly() throws Exception {
        enqueue(SIDEKIQ_7, "default", 2);
        enqueue(SIDEKIQ_8, "mailers", 3);
        enqueue(SIDEKIQ_8, "reports", 5);

        Measurement measurement = measure(Map.of("queues", List.of("default", "mailers")));

        assertThat(measurement.describe()).isEqualTo("5 jobs");
    }

    @Test
    void countsAQueueWhoseListSidekiqDeletedAsEmpty() throws Exception {
        // The last job was taken: Redis deleted the list, Sidekiq's queues set still names the queue.
        redis.sadd("queues", "mailers");
        enqueue(SIDEKIQ_8, "default", 1);

        Measurement measurement = measure(Map.of("queues", List.of("default", "mailers", "never-used")));

        assertThat(measurement.describe()).isEqualTo("1 jobs");
    }

    @Test
    void readsEveryQueueOfSidekiqsQueuesSetWithAStar() throws Exception {
        enqueue(SIDEKIQ_8, "default", 2);
        enqueue(SIDEKIQ_8, "mailers", 3);
        redis.sadd("queues", "emptied");
        redis.lpush("queue:not-in-the-set", "{}");

        Measurement measurement = measure(Map.of("queues", List.of("*")));

        assertThat(measurement.describe()).isEqualTo("5 jobs");
    }

    @Test
    void readsTheKeysUnderTheNamespace() throws Exception {
        new SidekiqJobs(redis, "shop").enqueue(SIDEKIQ_8, "default", NOW);
        new SidekiqJobs(redis, "shop").enqueue(SIDEKIQ_8, "default", NOW);
        enqueue(SIDEKIQ_8, "default", 10);

        Measurement measurement = measure(Map.of("namespace", "shop"));

        assertThat(measurement.describe()).isEqualTo("2 jobs");
    }

    @Test
    void readsTheDatabaseTheUrlNames() throws Exception {
        try (JedisPooled database3 = new JedisPooled(SharedRedis.server().url(3))) {
            new SidekiqJobs(database3, "").enqueue(SIDEKIQ_8, "default", NOW);
            enqueue(SIDEKIQ_8, "default", 4);

            Measurement measurement = measure(Map.of("url", SharedRedis.server().url(3)));

            assertThat(measurement.describe()).isEqualTo("1 jobs");
        } finally {
            try (JedisPooled database3 = new JedisPooled(SharedRedis.server().url(3))) {
                database3.flushDB();
            }
        }
    }

    @Test
    void countsOnlyTheDueScheduledJobsOfTheMeasuredQueuesWhenIncluded() throws Exception {
        enqueue(SIDEKIQ_8, "default", 1);
        sidekiq.schedule(SIDEKIQ_8, "default", NOW.minusSeconds(5), NOW.minusSeconds(3600));
        sidekiq.schedule(SIDEKIQ_7, "default", NOW.minusMillis(1), NOW.minusSeconds(3600));
        sidekiq.schedule(SIDEKIQ_8, "default", NOW.plusSeconds(60), NOW.minusSeconds(3600));
        sidekiq.schedule(SIDEKIQ_8, "reports", NOW.minusSeconds(5), NOW.minusSeconds(3600));

        Measurement without = measure(Map.of());
        Measurement with = measure(Map.of("include_scheduled", true));

        assertThat(without.describe()).isEqualTo("1 jobs");
        assertThat(with.describe()).isEqualTo("3 jobs");
    }

    @Test
    void countsEveryDueScheduledJobWhenEveryQueueIsMeasured() throws Exception {
        sidekiq.schedule(SIDEKIQ_8, "default", NOW.minusSeconds(5), NOW.minusSeconds(3600));
        sidekiq.schedule(SIDEKIQ_8, "reports", NOW.minusSeconds(5), NOW.minusSeconds(3600));
        sidekiq.schedule(SIDEKIQ_8, "reports", NOW.plusSeconds(5), NOW.minusSeconds(3600));

        Measurement measurement = measure(Map.of("queues", List.of("*"), "include_scheduled", true));

        assertThat(measurement.describe()).isEqualTo("2 jobs");
    }

    @Test
    void countsOnlyTheDueRetriesOfTheMeasuredQueuesWhenIncluded() throws Exception {
        sidekiq.retry(SIDEKIQ_8, "default", NOW.minusSeconds(10), NOW.minusSeconds(60));
        sidekiq.retry(SIDEKIQ_7, "default", NOW.plusSeconds(300), NOW.minusSeconds(60));
        sidekiq.retry(SIDEKIQ_8, "mailers", NOW.minusSeconds(10), NOW.minusSeconds(60));

        Measurement without = measure(Map.of());
        Measurement with = measure(Map.of("include_retries", true));

        assertThat(without.describe()).isEqualTo("0 jobs");
        assertThat(with.describe()).isEqualTo("1 jobs");
    }

    @Test
    void countsTheDueScheduledJobsBeyondOnePageOfTheSet() throws Exception {
        for (int i = 0; i < 1200; i++) {
            sidekiq.schedule(SIDEKIQ_8, i % 2 == 0 ? "default" : "reports", NOW.minusSeconds(1 + i),
                    NOW.minusSeconds(3600));
        }

        Measurement measurement = measure(Map.of("include_scheduled", true));

        assertThat(measurement.describe()).isEqualTo("600 jobs");
    }

    @Test
    void failsWhenPagingThroughTheDueJobsOutlastsTheTimeout() throws Exception {
        for (int i = 0; i < 1200; i++) {
            sidekiq.schedule(SIDEKIQ_8, "default", NOW.minusSeconds(1 + i), NOW.minusSeconds(3600));
        }
        // Each look at the clock is a second later: the measurement starts at 0s, page 2 at 1s, page 3 at 2s.
        Clock ticking = new Clock() {
            private int reads;

            @Override
            public Instant instant() {
                return NOW.plusSeconds(reads++);
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };

        Measurement measurement = OpenMeasure.once(Map.of("url", SharedRedis.server().url(), "include_scheduled", true,
                "timeout", "2s"), ticking);

        assertThat(measurement.failure()).isEqualTo("reading the due jobs of the scheduled set (key 'schedule') took "
                + "longer than setting 'timeout' (2000ms) after 1000 entries; raise the timeout, or turn off "
                + "include_scheduled");
    }

    @Test
    void reportsTheLatencyOfSidekiq7JobsFromFloatSeconds() throws Exception {
        sidekiq.enqueue(SIDEKIQ_7, "default", NOW.minusMillis(90_250));
        sidekiq.enqueue(SIDEKIQ_7, "default", NOW.minusSeconds(10));

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.succeeded()).as(measurement.describe()).isTrue();
        assertThat(measurement.value()).isEqualTo(90.25);
        assertThat(measurement.unit()).isEqualTo("s");
    }

    @Test
    void reportsTheLatencyOfSidekiq8JobsFromIntegerMilliseconds() throws Exception {
        sidekiq.enqueue(SIDEKIQ_8, "default", NOW.minusMillis(42_125));
        sidekiq.enqueue(SIDEKIQ_8, "default", NOW.minusSeconds(1));

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.value()).isEqualTo(42.125);
    }

    @Test
    void readsEachJobInItsOwnUnitWhileSidekiq7And8ShareTheQueues() throws Exception {
        // Mid-upgrade: the oldest default job was pushed by Sidekiq 7, the newer ones by Sidekiq 8.
        sidekiq.enqueue(SIDEKIQ_7, "default", NOW.minusSeconds(30));
        sidekiq.enqueue(SIDEKIQ_8, "default", NOW.minusSeconds(2));
        sidekiq.enqueue(SIDEKIQ_8, "mailers", NOW.minusMillis(75_500));
        sidekiq.enqueue(SIDEKIQ_7, "mailers", NOW.minusSeconds(1));

        Measurement defaultOnly = measure(Map.of("report", "latency"));
        Measurement both = measure(Map.of("report", "latency", "queues", List.of("default", "mailers")));

        assertThat(defaultOnly.value()).isEqualTo(30.0);
        assertThat(both.value()).isEqualTo(75.5);
    }

    @Test
    void readsASidekiq7TimeWithNoFractionAsSeconds() throws Exception {
        // Ruby writes a whole Float with ".0": still a float, still seconds.
        redis.lpush("queue:default", "{\"queue\":\"default\",\"class\":\"HardJob\",\"args\":[],"
                + "\"created_at\":" + (NOW.getEpochSecond() - 20) + ".0,\"enqueued_at\":"
                + (NOW.getEpochSecond() - 20) + ".0}");

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.value()).isEqualTo(20.0);
    }

    @Test
    void fallsBackToCreatedAtWhenAJobHasNoEnqueuedAt() throws Exception {
        redis.lpush("queue:default", SidekiqJobs.job(SIDEKIQ_8, "default", NOW.minusSeconds(12), null));

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.value()).isEqualTo(12.0);
    }

    @Test
    void reportsNoLatencyWhenNoJobWaits() throws Exception {
        Measurement measurement = measure(Map.of("report", "latency", "queues", List.of("default", "mailers")));

        assertThat(measurement.describe()).isEqualTo("0 s");
    }

    @Test
    void readsAJobFromAHostWhoseClockIsAheadAsNotWaiting() throws Exception {
        sidekiq.enqueue(SIDEKIQ_8, "default", NOW.plusSeconds(3));

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.describe()).isEqualTo("0 s");
    }

    @Test
    void countsADueScheduledJobAsWaitingSinceItFellDue() throws Exception {
        sidekiq.enqueue(SIDEKIQ_8, "default", NOW.minusSeconds(4));
        sidekiq.schedule(SIDEKIQ_7, "default", NOW.minusSeconds(45), NOW.minusSeconds(3600));
        sidekiq.schedule(SIDEKIQ_8, "reports", NOW.minusSeconds(400), NOW.minusSeconds(3600));

        Measurement without = measure(Map.of("report", "latency"));
        Measurement with = measure(Map.of("report", "latency", "include_scheduled", true));
        Measurement everyQueue = measure(Map.of("report", "latency", "include_scheduled", true, "queues", "*"));

        assertThat(without.value()).isEqualTo(4.0);
        assertThat(with.value()).isEqualTo(45.0);
        assertThat(everyQueue.value()).isEqualTo(400.0);
    }

    @Test
    void countsADueRetryAsWaitingSinceItsNextTryFellDue() throws Exception {
        sidekiq.retry(SIDEKIQ_8, "default", NOW.minusSeconds(8), NOW.minusSeconds(600));
        sidekiq.retry(SIDEKIQ_8, "default", NOW.plusSeconds(8), NOW.minusSeconds(900));

        Measurement measurement = measure(Map.of("report", "latency", "include_retries", true));

        assertThat(measurement.value()).isEqualTo(8.0);
    }

    @Test
    void failsNamingTheQueueWhenItsOldestJobIsNotJson() throws Exception {
        redis.lpush("queue:mailers", "customer=alice@example.com; not json");

        Measurement measurement = measure(Map.of("report", "latency", "queues", List.of("default", "mailers")));

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure())
                .isEqualTo("the oldest job in queue 'mailers' (key 'queue:mailers') is not a Sidekiq job: it is not "
                        + "JSON; check settings 'queues' and 'namespace'")
                .doesNotContain("alice");
    }

    @Test
    void failsWhenTheOldestJobHasATimeSidekiqWouldNotWrite() throws Exception {
        redis.lpush("queue:default", "{\"queue\":\"default\",\"enqueued_at\":\"2026-01-05T09:59:00Z\"}");

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.failure()).contains("queue 'default'")
                .contains("enqueued_at is a string, not a number of seconds (Sidekiq 7) or milliseconds (Sidekiq 8)");
    }

    @Test
    void failsRatherThanReadWholeSecondsAsMilliseconds() throws Exception {
        redis.lpush("queue:default", "{\"queue\":\"default\",\"enqueued_at\":" + NOW.getEpochSecond() + "}");

        Measurement measurement = measure(Map.of("report", "latency"));

        assertThat(measurement.failure()).contains("enqueued_at is the integer " + NOW.getEpochSecond())
                .contains("too small for that (whole seconds?)");
    }

    @Test
    void failsNamingTheSetWhenADueEntryIsNotAJob() throws Exception {
        redis.zadd("schedule", NOW.getEpochSecond() - 1, "[not, json");

        Measurement measurement = measure(Map.of("include_scheduled", true));

        assertThat(measurement.failure()).isEqualTo("an entry of the scheduled set (key 'schedule') is not a Sidekiq "
                + "job: it is not JSON; check setting 'namespace', or turn off include_scheduled");
    }

    @Test
    void failsNamingTheKeyWhenAQueueKeyIsNotAList() throws Exception {
        redis.set("queue:default", "not a queue");

        Measurement measurement = measure(Map.of());

        assertThat(measurement.failure()).startsWith("key 'queue:default' of queue 'default' holds a string, not a "
                + "list as Sidekiq keeps it");
    }

    @Test
    void failsNamingTheKeyWhenTheScheduleIsNotASortedSet() throws Exception {
        redis.lpush("schedule", "x");

        Measurement measurement = measure(Map.of("include_scheduled", true, "queues", "*"));

        assertThat(measurement.failure()).startsWith("key 'schedule' of the scheduled set holds a list, not a sorted "
                + "set");
    }

    private void enqueue(SidekiqJobs.Version version, String queue, int jobs) {
        for (int i = 0; i < jobs; i++) {
            sidekiq.enqueue(version, queue, NOW.minusSeconds(jobs - i));
        }
    }

    private static Measurement measure(Map<String, Object> settings) throws Exception {
        Map<String, Object> raw = new java.util.HashMap<>(settings);
        raw.putIfAbsent("url", SharedRedis.server().url());
        return OpenMeasure.once(raw, CLOCK);
    }
}
