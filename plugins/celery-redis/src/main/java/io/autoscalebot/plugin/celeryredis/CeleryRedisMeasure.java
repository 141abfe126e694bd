package io.autoscalebot.plugin.celeryredis;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Counts the tasks waiting in Celery queues kept by kombu's Redis transport, or reports how long the oldest has waited.
 *
 * <p>Every failure to read Redis (unreachable, refused login, a key that is not a list) is a failed measurement with
 * a reason, never an exception, so the engine only sees this group's tick fail.
 */
final class CeleryRedisMeasure implements Measure {

    private final CeleryRedisConfig config;
    private final Clock clock;
    private final RedisFailures failures;
    private JedisPooled redis;

    /**
     * @param config the checked settings
     * @param clock the engine's clock, which times measurements and ages
     */
    CeleryRedisMeasure(CeleryRedisConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.failures = new RedisFailures(config.address(), config.connectTimeout(), config.readTimeout());
    }

    /** Opens the pool without connecting: a broker that is down at start is reported by each tick, not fatal. */
    @Override
    public void setup() {
        redis = RedisClients.open(config);
    }

    @Override
    public Measurement measure() {
        if (redis == null) {
            throw new IllegalStateException("measure() called before setup()");
        }
        Instant now = clock.instant();
        try {
            try {
                return read(now);
            } catch (JedisConnectionException e) {
                if (RedisFailures.isTimeout(e)) {
                    throw e;
                }
                // A pooled connection idle since the last tick dies with a Redis restart, and Jedis has now dropped
                // it: one more try on a fresh connection tells a restart from an outage, and gives the outage's cause.
                return read(now);
            }
        } catch (WrongKeyException e) {
            return Measurement.failed(now, failures.scrub(e.getMessage()));
        } catch (JedisException e) {
            return Measurement.failed(now, failures.describe(e));
        }
    }

    @Override
    public void teardown() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }

    private Measurement read(Instant now) throws WrongKeyException {
        return config.report() == Report.COUNT ? count(now) : oldestAge(now);
    }

    /** LLEN of every list, as kombu's {@code _size} sums them, in one round trip. */
    private Measurement count(Instant now) throws WrongKeyException {
        List<Response<Long>> lengths = new ArrayList<>();
        Response<Long> unacked = null;
        try (PipelineBase pipeline = redis.pipelined()) {
            for (QueueKey key : config.keys()) {
                lengths.add(pipeline.llen(key.key()));
            }
            if (config.unackedKey() != null) {
                unacked = pipeline.hlen(config.unackedKey());
            }
            pipeline.sync();
        }
        long total = 0;
        for (int i = 0; i < lengths.size(); i++) {
            total += read(lengths.get(i), config.keys().get(i));
        }
        if (unacked != null) {
            total += read(unacked, config.unackedKey(), "kombu's unacked hash", "a hash");
        }
        return Measurement.of(now, total, Report.COUNT.unit());
    }

    /** Celery LPUSHes and workers BRPOP, so each list's oldest message is its last element. */
    private Measurement oldestAge(Instant now) throws WrongKeyException {
        List<Response<String>> tails = new ArrayList<>();
        try (PipelineBase pipeline = redis.pipelined()) {
            for (QueueKey key : config.keys()) {
                tails.add(pipeline.lindex(key.key(), -1));
            }
            pipeline.sync();
        }
        Duration oldest = Duration.ZERO;
        for (int i = 0; i < tails.size(); i++) {
            QueueKey key = config.keys().get(i);
            String message = read(tails.get(i), key);
            if (message == null) {
                continue;
            }
            Optional<Instant> since;
            try {
                since = KombuMessage.waitingSince(message);
            } catch (IllegalArgumentException e) {
                return Measurement.failed(now, "the oldest message in " + key.describe() + " (key '" + key.printable()
                        + "') is not a kombu message: " + e.getMessage() + "; check settings 'queues' and 'key_prefix'");
            }
            if (since.isEmpty()) {
                return Measurement.failed(now, "the oldest task in " + key.describe() + " carries no publish time "
                        + "(Celery records none); set the AMQP timestamp property when publishing, like "
                        + "apply_async(..., timestamp=time.time()), or use report = \"count\"");
            }
            Duration waited = Duration.between(since.get(), now);
            if (waited.compareTo(oldest) > 0) {
                oldest = waited;
            }
        }
        return Measurement.of(now, oldest.toMillis() / 1000.0, Report.OLDEST_AGE.unit());
    }

    private <T> T read(Response<T> response, QueueKey key) throws WrongKeyException {
        return read(response, key.key(), key.describe(), "a list");
    }

    /** Unwraps one pipelined reply; a WRONGTYPE error names the key and what it holds instead. */
    private <T> T read(Response<T> response, String key, String role, String expected) throws WrongKeyException {
        try {
            return response.get();
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("WRONGTYPE")) {
                throw e;
            }
            throw new WrongKeyException("key '" + Printable.of(key) + "' of " + role + " holds " + typeOf(key)
                    + ", not " + expected + " as kombu's Redis transport keeps it; check settings 'queues' and "
                    + "'key_prefix' (another application may use this key)");
        }
    }

    private String typeOf(String key) {
        return "a " + redis.type(key);
    }

    /** A key exists with another type than kombu gives it: a configuration mistake, reported as such. */
    private static final class WrongKeyException extends Exception {

        private static final long serialVersionUID = 1L;

        WrongKeyException(String message) {
            super(message);
        }
    }
}
