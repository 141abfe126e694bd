package io.autoscalebot.plugin.sidekiq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.JedisPooled;

/**
 * Writes jobs into Redis exactly as Sidekiq's client does: {@code Sidekiq::Client#atomic_push} SADDs the queue's name
 * to {@code queues} and LPUSHes the JSON job to {@code queue:NAME}, after setting {@code enqueued_at}; a job for later
 * goes to the {@code schedule} sorted set instead, scored by its due time in epoch seconds and without
 * {@code enqueued_at}; a failed job waits in {@code retry}, scored by its next try. Sidekiq 7 writes times as epoch
 * seconds in JSON floats ({@code Time.now.to_f}), Sidekiq 8 as epoch milliseconds in JSON integers.
 */
final class SidekiqJobs {

    /** Which Sidekiq wrote the job: the difference is the type and unit of its times. */
    enum Version { SIDEKIQ_7, SIDEKIQ_8 }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JedisPooled redis;
    private final String prefix;

    /**
     * @param redis where to write
     * @param namespace sidekiq-namespace's namespace, or empty
     */
    SidekiqJobs(JedisPooled redis, String namespace) {
        this.redis = redis;
        this.prefix = namespace.isEmpty() ? "" : namespace + ":";
    }

    /** {@code HardJob.perform_async("bob", 5)} on that queue, pushed at {@code enqueuedAt}. */
    void enqueue(Version version, String queue, Instant enqueuedAt) {
        String job = job(version, queue, enqueuedAt.minusMillis(2), enqueuedAt);
        redis.sadd(prefix + "queues", queue);
        redis.lpush(prefix + "queue:" + queue, job);
    }

    /** {@code HardJob.perform_at(at, ...)}: in the schedule set until Sidekiq's poller moves it to its queue. */
    void schedule(Version version, String queue, Instant at, Instant createdAt) {
        redis.zadd(prefix + "schedule", seconds(at).doubleValue(), job(version, queue, createdAt, null));
    }

    /** A job that raised once and waits for its first retry at {@code retryAt}. */
    void retry(Version version, String queue, Instant retryAt, Instant enqueuedAt) {
        ObjectNode job = node(version, queue, enqueuedAt.minusMillis(2), enqueuedAt);
        job.put("error_message", "Connection reset by peer");
        job.put("error_class", "Errno::ECONNRESET");
        job.set("failed_at", time(version, enqueuedAt.plusSeconds(1)));
        job.put("retry_count", 0);
        redis.zadd(prefix + "retry", seconds(retryAt).doubleValue(), job.toString());
    }

    /**
     * @param enqueuedAt when it went into its queue, or {@code null} for a job not yet enqueued
     * @return the JSON Sidekiq stores, keys in Sidekiq's order
     */
    static String job(Version version, String queue, Instant createdAt, Instant enqueuedAt) {
        return node(version, queue, createdAt, enqueuedAt).toString();
    }

    private static ObjectNode node(Version version, String queue, Instant createdAt, Instant enqueuedAt) {
        ObjectNode job = JSON.createObjectNode();
        job.put("retry", true);
        job.put("queue", queue);
        job.put("class", "HardJob");
        job.putArray("args").add("bob").add(5);
        job.put("jid", HexFormat.of().formatHex(randomBytes()));
        job.set("created_at", time(version, createdAt));
        if (enqueuedAt != null) {
            job.set("enqueued_at", time(version, enqueuedAt));
        }
        return job;
    }

    /** Ruby's Float#to_s of Time#to_f for Sidekiq 7 (always with a decimal point), milliseconds for Sidekiq 8. */
    static com.fasterxml.jackson.databind.JsonNode time(Version version, Instant time) {
        if (version == Version.SIDEKIQ_8) {
            return JsonNodeFactory.instance.numberNode(time.toEpochMilli());
        }
        return DecimalNode.valueOf(seconds(time));
    }

    private static BigDecimal seconds(Instant time) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time);
        BigDecimal seconds = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
