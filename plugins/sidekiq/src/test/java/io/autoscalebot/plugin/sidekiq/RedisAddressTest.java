package io.autoscalebot.plugin.sidekiq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import org.junit.jupiter.api.Test;

/** REDIS_URLs as Sidekiq users set them, read the way redis-client reads them, and the redacted form messages show. */
class RedisAddressTest {

    @Test
    void readsHostPortAndDatabaseWithDefaults() throws Exception {
        assertThat(RedisAddress.parse("redis://cache.internal"))
                .isEqualTo(new RedisAddress(false, "cache.internal", 6379, null, null, 0));
    }

    @Test
    void readsAPasswordWithoutAUser() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://:s3cret@10.0.0.5:6380/2");

        assertThat(address.user()).isNull();
        assertThat(address.password()).isEqualTo("s3cret");
        assertThat(address.port()).isEqualTo(6380);
        assertThat(address.database()).isEqualTo(2);
    }

    @Test
    void readsALoneUserInfoAsThePasswordAsRedisClientDoes() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://s3cret@cache:6379");

        assertThat(address.user()).isNull();
        assertThat(address.password()).isEqualTo("s3cret");
    }

    @Test
    void readsAnAclUserAndAFormEncodedPassword() throws Exception {
        RedisAddress address = RedisAddress.parse("rediss://worker:p%40ss%2Fw+rd@redis.example.com:25061/0");

        assertThat(address.tls()).isTrue();
        assertThat(address.user()).isEqualTo("worker");
        assertThat(address.password()).isEqualTo("p@ss/w rd");
    }

    @Test
    void readsAnIpv6Host() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://[::1]:7000/1");

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.redacted()).isEqualTo("redis://[::1]:7000/1");
    }

    @Test
    void redactsTheCredentialsInEveryTextForm() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://admin:hunter2@cache:6379/3");

        assertThat(address.redacted()).isEqualTo("redis://****@cache:6379/3");
        assertThat(address.toString()).isEqualTo("redis://****@cache:6379/3");
    }

    @Test
    void refusesAnotherSchemeNamingOnlyTheScheme() {
        assertThatThrownBy(() -> RedisAddress.parse("amqp://guest:guest@rabbit:5672//"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("must start with redis:// or rediss:// (TLS), got amqp://")
                .hasMessageNotContaining("guest");
    }

    @Test
    void refusesAnUnparsableUrlWithoutQuotingThePassword() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://:pa ss#word@host:6379/0"))
                .hasMessageContaining("setting 'url' is not a valid URL").hasMessageNotContaining("pa ss");
    }

    @Test
    void refusesAUrlWhoseUnencodedPasswordHidesTheHost() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://:p@ss@host:6379/0"))
                .hasMessageContaining("setting 'url' has no host name").hasMessageNotContaining("p@ss");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://host:70000/0"))
                .hasMessageContaining("the port must be a number from 1 to 65535");
    }

    @Test
    void refusesABrokenPercentEscapeWithoutQuotingIt() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://:50%off@host:6379/0"))
                .hasMessageContaining("setting 'url' is not a valid URL").hasMessageContaining("% as %25")
                .hasMessageNotContaining("50%off");
    }

    @Test
    void refusesADatabaseThatIsNotANumber() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://host:6379/cache"))
                .hasMessageContaining("the database after the port must be a number like /0, got /cache");
    }

    @Test
    void refusesAQueryWithoutRepeatingIt() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://host:6379/0?password=hunter2"))
                .hasMessageContaining("must not have a query (?...) or fragment (#...)")
                .hasMessageNotContaining("hunter2");
    }
}
