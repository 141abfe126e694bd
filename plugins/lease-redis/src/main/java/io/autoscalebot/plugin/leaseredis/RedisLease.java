package io.autoscalebot.plugin.leaseredis;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.lease.Lease;
import io.autoscalebot.api.lease.SharedState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The lease in one Redis key, {@code KEY = "TOKEN HOLDER"} with a time to live, and its epoch counter in
 * {@code KEY:epoch}. Taking it is {@code INCR} then {@code SET NX PX}, so only one instance's {@code SET} succeeds;
 * renewing and releasing compare the whole value in a Lua script, one atomic step, so an old holder never touches its
 * successor's lease. A token burnt by a {@code SET} that lost the race is harmless: tokens only need to grow.
 *
 * <p>The engine's shared state lives in {@code KEY:state:ENGINE_KEY} (for instance {@code autoscalebot:leader:state:
 * group/web}), written by a Lua script that compares the lease's value first, so only the holder of the current token
 * writes. The state keys do not expire: a failover may come long after the last scale.
 */
final class RedisLease implements Lease, SharedState {

    /** Extends the lease only when it still holds exactly this token and holder. */
    private static final String RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    /** Deletes the lease only when it still holds exactly this token and holder. */
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) else return 0 end";
    /** Writes the state only when the lease still holds exactly this token and holder. */
    private static final String WRITE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[2], ARGV[2]) return 1 else return 0 end";
    /** A lease call is one round trip; a Redis slower than this is treated as down by the engine's timeout anyway. */
    private static final int TIMEOUT_MILLIS = 5_000;

    private final JedisPooled redis;
    private final String key;
    private final String epochKey;

    RedisLease(URI url, String key) {
        // Connects lazily: an unreachable Redis shows up in the first acquire, which the engine reports and retries.
        this.redis = new JedisPooled(url, TIMEOUT_MILLIS);
        this.key = key;
        this.epochKey = key + ":epoch";
    }

    @Override
    public OptionalLong acquire(String holder, Duration ttl) throws PluginException {
        return asked(() -> take(holder, ttl));
    }

    private OptionalLong take(String holder, Duration ttl) {
        String current = redis.get(key);
        if (current != null) {
            // Ours already (a restart of the check, or a renewal by acquire): keep it, compare-and-renew.
            OptionalLong token = tokenOf(current, holder);
            if (token.isPresent() && extend(holder, token.getAsLong(), ttl)) {
                return token;
            }
            return OptionalLong.empty();
        }
        long token = redis.incr(epochKey);
        String taken = redis.set(key, value(token, holder), SetParams.setParams().nx().px(ttl.toMillis()));
        return "OK".equals(taken) ? OptionalLong.of(token) : OptionalLong.empty();
    }

    @Override
    public boolean renew(String holder, long token, Duration ttl) throws PluginException {
        return asked(() -> extend(holder, token, ttl));
    }

    private boolean extend(String holder, long token, Duration ttl) {
        Object renewed = redis.eval(RENEW, List.of(key), List.of(value(token, holder), String.valueOf(ttl.toMillis())));
        return Long.valueOf(1).equals(renewed);
    }

    @Override
    public void release(String holder, long token) throws PluginException {
        asked(() -> redis.eval(RELEASE, List.of(key), List.of(value(token, holder))));
    }

    @Override
    public Optional<SharedState> sharedState() {
        return Optional.of(this);
    }

    @Override
    public Optional<String> read(String stateKey) throws PluginException {
        return asked(() -> Optional.ofNullable(redis.get(stateKey(stateKey))));
    }

    @Override
    public boolean write(String holder, long token, String stateKey, String value) throws PluginException {
        Object written = asked(() -> redis.eval(WRITE, List.of(key, stateKey(stateKey)),
                List.of(value(token, holder), value)));
        return Long.valueOf(1).equals(written);
    }

    /**
     * Jedis reports an unreachable or failing Redis with unchecked exceptions, which the engine would take for a
     * plugin bug: they are the store being down. Its messages name host and port, never the URL's password.
     */
    private static <T> T asked(Supplier<T> call) throws PluginException {
        try {
            return call.get();
        } catch (JedisException e) {
            throw new PluginException("Redis cannot be asked: " + e.getMessage(), e);
        }
    }

    private String stateKey(String engineKey) {
        return key + ":state:" + engineKey;
    }

    @Override
    public void teardown() {
        redis.close();
    }

    private static String value(long token, String holder) {
        return token + " " + holder;
    }

    /** @return the token of a {@code "TOKEN HOLDER"} value when its holder is {@code holder} */
    private static OptionalLong tokenOf(String value, String holder) {
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(space + 1).equals(holder)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.substring(0, space)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
