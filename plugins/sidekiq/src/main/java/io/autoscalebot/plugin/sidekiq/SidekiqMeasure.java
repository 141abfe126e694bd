package io.autoscalebot.plugin.sidekiq;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.plugin.sidekiq.SidekiqJob.NotAJobException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads how many jobs wait in Sidekiq queues, or how long the oldest has waited, from Sidekiq's Redis.
 *
 * <p>Every failure (Redis unreachable, a refused login, a key of the wrong type, a job that is not Sidekiq's JSON) is
 * a failed measurement with a reason, never an exception, so the engine only sees this group's tick fail.
 */
final class SidekiqMeasure implements Measure {

    /** Entries of a sorted set read per round trip when its jobs must be told apart by queue. */
    private static final int PAGE = 500;
    /**
     * At most this many due entries of a set are read per measurement: beyond it the figure is a lower bound, which
     * is already far past any scaling threshold, and the measurement stays cheap for Redis.
     */
    static final int MOST_DUE_ENTRIES = 10_000;

    private final SidekiqConfig config;
    private final Clock clock;
    private final RedisFailures failures;
    private JedisPooled redis;

    /**
     * @param config the checked settings
     * @param clock the engine's clock, which times measurements and waits
     */
    SidekiqMeasure(SidekiqConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.failures = new RedisFailures(config.address(), config.timeout());
    }

    /** Opens the pool without connecting: a Redis that is down at start is reported by each tick, not fatal. */
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
        } catch (UnreadableException e) {
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

    private Measurement read(Instant now) throws UnreadableException {
        List<String> queues = config.allQueues() ? new ArrayList<>(new TreeSet<>(members())) : config.queues();
        return config.report() == Report.SIZE ? size(now, queues) : latency(now, queues);
    }

    private Set<String> members() throws UnreadableException {
        String key = config.keys().queues();
        try {
            return redis.smembers(key);
        } catch (JedisDataException e) {
            throw wrongType(e, key, "Sidekiq's set of queue names", "a set");
        }
    }

    /** LLEN of every queue, as Sidekiq's {@code Queue#size}, in one round trip; plus the due jobs of the sets. */
    private Measurement size(Instant now, List<String> queues) throws UnreadableException {
        List<Response<Long>> lengths = new ArrayList<>();
        try (PipelineBase pipeline = redis.pipelined()) {
            for (String queue : queues) {
                lengths.add(pipeline.llen(config.keys().queue(queue)));
            }
            pipeline.sync();
        }
        long total = 0;
        for (int i = 0; i < lengths.size(); i++) {
            total += get(lengths.get(i), config.keys().queue(queues.get(i)), describe(queues.get(i)), "a list");
        }
        for (DueSet set : dueSets()) {
            total += set.count(now, queues);
        }
        return Measurement.of(now, total, Report.SIZE.unit());
    }

    /** Sidekiq LPUSHes and workers BRPOP, so each queue's oldest job is its last element: Queue#latency reads it. */
    private Measurement latency(Instant now, List<String> queues) throws UnreadableException {
        List<Response<String>> tails = new ArrayList<>();
        try (PipelineBase pipeline = redis.pipelined()) {
            for (String queue : queues) {
                tails.add(pipeline.lindex(config.keys().queue(queue), -1));
            }
            pipeline.sync();
        }
        Duration longest = Duration.ZERO;
        for (int i = 0; i < tails.size(); i++) {
            String key = config.keys().queue(queues.get(i));
            String oldest = get(tails.get(i), key, describe(queues.get(i)), "a list");
            if (oldest == null) {
                continue;
            }
            Instant enqueuedAt;
            try {
                enqueuedAt = SidekiqJob.parse(oldest).enqueuedAt();
            } catch (NotAJobException e) {
                throw new UnreadableException("the oldest job in " + describe(queues.get(i)) + " (key '" + key
                        + "') is not a Sidekiq job: " + e.getMessage() + "; check settings 'queues' and 'namespace'");
            }
            longest = longer(longest, Duration.between(enqueuedAt, now));
        }
        for (DueSet set : dueSets()) {
            Instant due = set.oldestDue(now, queues);
            if (due != null) {
                longest = longer(longest, Duration.between(due, now));
            }
        }
        return Measurement.of(now, longest.toMillis() / 1000.0, Report.LATENCY.unit());
    }

    /** A job enqueued "after now" comes from a host whose clock runs ahead: it has waited no time, not less. */
    private static Duration longer(Duration longest, Duration waited) {
        return waited.compareTo(longest) > 0 ? waited : longest;
    }

    private List<DueSet> dueSets() {
        List<DueSet> sets = new ArrayList<>();
        if (config.includeScheduled()) {
            sets.add(new DueSet(config.keys().schedule(), "the scheduled set"));
        }
        if (config.includeRetries()) {
            sets.add(new DueSet(config.keys().retry(), "the retry set"));
        }
        return sets;
    }

    private static String describe(String queue) {
        return "queue '" + queue + "'";
    }

    /** Unwraps one reply; a WRONGTYPE error names the key and what it holds instead. */
    private <T> T get(Response<T> response, String key, String role, String expected) throws UnreadableException {
        try {
            return response.get();
        } catch (JedisDataException e) {
            throw wrongType(e, key, role, expected);
        }
    }

    private UnreadableException wrongType(JedisDataException e, String key, String role, String expected) {
        if (e.getMessage() == null || !e.getMessage().startsWith("WRONGTYPE")) {
            throw e;
        }
        return new UnreadableException("key '" + key + "' of " + role + " holds a " + redis.type(key) + ", not "
                + expected + " as Sidekiq keeps it; check settings 'queues' and 'namespace' (another application "
                + "may use this key)");
    }

    /**
     * When a measurement that started at {@code start} must be over. For now the {@code timeout} setting; once the
     * engine hands plugins the call's own deadline, this is the one place to take the earlier of the two.
     */
    private Instant deadline(Instant start) {
        return start.plus(config.timeout());
    }

    /** The epoch second Sidekiq's poller compares scores with, to the millisecond. */
    private static String score(Instant now) {
        return BigDecimal.valueOf(now.toEpochMilli()).movePointLeft(3).toPlainString();
    }

    /**
     * One of Sidekiq's sorted sets, {@code schedule} or {@code retry}, scored by the epoch second each job falls due.
     * Only due jobs count: those Sidekiq's poller would move to their queue now. The sets hold every queue's jobs, so
     * unless every queue is measured, each due job is read to see whether its queue is one of the measured ones.
     */
    private final class DueSet {

        private final String key;
        private final String role;

        DueSet(String key, String role) {
            this.key = key;
            this.role = role;
        }

        long count(Instant now, List<String> queues) throws UnreadableException {
            if (config.allQueues()) {
                return read(() -> redis.zcount(key, "-inf", score(now)));
            }
            long count = 0;
            for (int offset = 0; offset < MOST_DUE_ENTRIES; offset += PAGE) {
                List<Tuple> page = page(now, offset);
                for (Tuple entry : page) {
                    if (isFor(entry, queues)) {
                        count++;
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            return count;
        }

        /** @return when the longest-due job of the measured queues fell due, or null when none is due */
        Instant oldestDue(Instant now, List<String> queues) throws UnreadableException {
            for (int offset = 0; offset < MOST_DUE_ENTRIES; offset += PAGE) {
                List<Tuple> page = config.allQueues()
                        ? read(() -> redis.zrangeByScoreWithScores(key, "-inf", score(now), 0, 1))
                        : page(now, offset);
                for (Tuple entry : page) {
                    if (config.allQueues() || isFor(entry, queues)) {
                        return dueAt(entry);
                    }
                }
                if (config.allQueues() || page.size() < PAGE) {
                    break;
                }
            }
            return null;
        }

        private List<Tuple> page(Instant now, int offset) throws UnreadableException {
            if (offset > 0 && !clock.instant().isBefore(deadline(now))) {
                throw new UnreadableException("reading the due jobs of " + role + " (key '" + key + "') took longer "
                        + "than setting 'timeout' (" + config.timeout().toMillis() + "ms) after " + offset
                        + " entries; raise the timeout, or turn off "
                        + (role.contains("retry") ? "include_retries" : "include_scheduled"));
            }
            return read(() -> redis.zrangeByScoreWithScores(key, "-inf", score(now), offset, PAGE));
        }

        private boolean isFor(Tuple entry, List<String> queues) throws UnreadableException {
            try {
                String queue = SidekiqJob.parse(entry.getElement()).queue().orElseThrow(
                        () -> new NotAJobException("it names no queue, which every Sidekiq job does"));
                return queues.contains(queue);
            } catch (NotAJobException e) {
                throw new UnreadableException("an entry of " + role + " (key '" + key + "') is not a Sidekiq job: "
                        + e.getMessage() + "; check setting 'namespace', or turn off "
                        + (role.contains("retry") ? "include_retries" : "include_scheduled"));
            }
        }

        private Instant dueAt(Tuple entry) {
            return Instant.ofEpochMilli(Math.round(entry.getScore() * 1000.0));
        }

        private <T> T read(RedisRead<T> command) throws UnreadableException {
            try {
                return command.run();
            } catch (JedisDataException e) {
                throw wrongType(e, key, role, "a sorted set");
            }
        }
    }

    /** One Redis command against a set. */
    @FunctionalInterface
    private interface RedisRead<T> {
        T run();
    }

    /** What Redis holds is not what Sidekiq writes: a configuration mistake or another application's data. */
    private static final class UnreadableException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message);
        }
    }
}
