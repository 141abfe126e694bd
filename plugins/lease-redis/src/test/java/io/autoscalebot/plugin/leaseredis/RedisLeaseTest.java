package io.autoscalebot.plugin.leaseredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.testkit.Eventually;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** The lease against a real redis-server: two instances, each with its own connection, fight over one key. */
@ExtendWith(RealRedis.class)
class RedisLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    /** A key of its own per test, so tests never see each other's lease. */
    private final String key = "test:" + UUID.randomUUID();
    private final RedisLease a = new RedisLease(URI.create(RealRedis.url()), key);
    private final RedisLease b = new RedisLease(URI.create(RealRedis.url()), key);

    @AfterEach
    void close() {
        a.teardown();
        b.teardown();
    }

    @Test
    void exactlyOneOfTwoInstancesTakesTheLease() throws Exception {
        OptionalLong first = a.acquire("a", TTL);
        OptionalLong second = b.acquire("b", TTL);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(a.acquire("a", TTL)).isEqualTo(first);
        assertThat(a.renew("a", first.getAsLong(), TTL)).isTrue();
    }

    @Test
    void aLapsedLeaseGoesToTheStandbyWithAGreaterTokenAndTheOldHolderCanNeitherRenewNorReleaseIt() throws Exception {
        // given: A holds a short lease and then stops renewing (paused)
        long old = a.acquire("a", Duration.ofMillis(300)).orElseThrow();

        // when: the standby tries until the lease has lapsed
        OptionalLong taken = Eventually.await("the standby takes the lapsed lease", () -> b.acquire("b", TTL),
                OptionalLong::isPresent);

        // then: a greater fencing token; the old holder's renew and release change nothing
        assertThat(taken.getAsLong()).isGreaterThan(old);
        assertThat(a.renew("a", old, TTL)).isFalse();
        a.release("a", old);
        assertThat(a.acquire("a", TTL)).isEmpty();
        assertThat(b.renew("b", taken.getAsLong(), TTL)).isTrue();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() throws Exception {
        long token = a.acquire("a", TTL).orElseThrow();

        a.release("a", token);

        assertThat(b.acquire("b", TTL)).isPresent();
    }

    @Test
    void keepsTheLeaseAndItsTimeToLiveInRedis() throws Exception {
        long token = a.acquire("a", TTL).orElseThrow();

        try (JedisPooled redis = new JedisPooled(URI.create(RealRedis.url()))) {
            assertThat(redis.get(key)).isEqualTo(token + " a");
            assertThat(redis.pttl(key)).isBetween(1L, TTL.toMillis());
            assertThat(redis.get(key + ":epoch")).isEqualTo(String.valueOf(token));
        }
    }

    @Test
    void aRedisThatIsDownFailsTheCallRatherThanAnsweringNotHeld() {
        RedisLease down = new RedisLease(URI.create("redis://127.0.0.1:" + RealRedis.freePort() + "/0"), key);
        try {
            // A PluginException saying what is wrong, not an unchecked Jedis exception the engine calls a plugin bug.
            assertThatThrownBy(() -> down.acquire("a", TTL)).isInstanceOf(io.autoscalebot.api.PluginException.class)
                    .hasMessageStartingWith("Redis cannot be asked: ");
            assertThatThrownBy(() -> down.renew("a", 1, TTL)).isInstanceOf(io.autoscalebot.api.PluginException.class);
            assertThatThrownBy(() -> down.read("group/web")).isInstanceOf(io.autoscalebot.api.PluginException.class);
            assertThatThrownBy(() -> down.write("a", 1, "group/web", "{}"))
                    .isInstanceOf(io.autoscalebot.api.PluginException.class);
        } finally {
            down.teardown();
        }
    }

    @Test
    void theHolderWritesSharedStateThatTheNextHolderReads() throws Exception {
        long token = a.acquire("a", TTL).orElseThrow();
        assertThat(b.read("group/web")).isEmpty();

        assertThat(a.write("a", token, "group/web", "{\"version\":1}")).isTrue();

        assertThat(b.read("group/web")).contains("{\"version\":1}");
        try (JedisPooled redis = new JedisPooled(URI.create(RealRedis.url()))) {
            assertThat(redis.get(key + ":state:group/web")).isEqualTo("{\"version\":1}");
            assertThat(redis.ttl(key + ":state:group/web")).as("kept until the next write").isEqualTo(-1);
        }
    }

    @Test
    void aWriteWithAnOldTokenIsRefusedAndLeavesTheSuccessorsState() throws Exception {
        // given: A held a short lease and paused; B took it and recorded its state
        long old = a.acquire("a", Duration.ofMillis(300)).orElseThrow();
        long taken = Eventually.await("the standby takes the lapsed lease", () -> b.acquire("b", TTL),
                OptionalLong::isPresent).getAsLong();
        assertThat(b.write("b", taken, "group/web", "successor")).isTrue();

        // when: A wakes up and writes what it had
        boolean written = a.write("a", old, "group/web", "old leader");

        // then: refused, and B's state stays
        assertThat(written).isFalse();
        assertThat(a.read("group/web")).contains("successor");
    }

    @Test
    void aWriteByAnyoneButTheHolderIsRefused() throws Exception {
        long token = a.acquire("a", TTL).orElseThrow();

        assertThat(b.write("b", token, "group/web", "not the holder")).isFalse();
        a.release("a", token);
        assertThat(a.write("a", token, "group/web", "after giving it up")).isFalse();

        assertThat(a.read("group/web")).isEmpty();
    }
}
