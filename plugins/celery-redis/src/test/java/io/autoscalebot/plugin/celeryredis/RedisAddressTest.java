package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import org.junit.jupiter.api.Test;

/** Broker URLs as Celery users write them, and the redacted form every message shows. */
class RedisAddressTest {

    @Test
    void readsHostPortAndDatabaseWithDefaults() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://broker.internal");

        assertThat(address).isEqualTo(new RedisAddress(false, true, "broker.internal", 6379, null, null, 0));
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
    void readsAnAclUserAndPercentEncodedPassword() throws Exception {
        RedisAddress address = RedisAddress.parse("rediss://worker:p%40ss%2Fw+rd@redis.example.com:25061/0");

        assertThat(address.tls()).isTrue();
        assertThat(address.verifyCertificate()).isTrue();
        assertThat(address.user()).isEqualTo("worker");
        assertThat(address.password()).isEqualTo("p@ss/w+rd");
    }

    @Test
    void skipsCertificateChecksOnlyWhenTheUrlSaysSslCertReqsNone() throws Exception {
        assertThat(RedisAddress.parse("rediss://:x@host:6380?ssl_cert_reqs=CERT_NONE").verifyCertificate()).isFalse();
        assertThat(RedisAddress.parse("rediss://:x@host:6380?ssl_cert_reqs=required").verifyCertificate()).isTrue();
    }

    @Test
    void readsAnIpv6Host() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://[::1]:7000/1");

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.redacted()).isEqualTo("redis://[::1]:7000/1");
    }

    @Test
    void namesTheServerForMessagesByHostPortAndDatabaseNeverByTheUrl() throws Exception {
        assertThat(RedisAddress.parse("redis://127.0.0.1:6379/0").server()).isEqualTo("127.0.0.1:6379/0");
        assertThat(RedisAddress.parse("rediss://:hunter2@cache:6380/2").server()).isEqualTo("cache:6380/2 over TLS");
        assertThat(RedisAddress.parse("redis://[::1]:7000/1").server()).isEqualTo("[::1]:7000/1");
    }

    @Test
    void redactsTheCredentialsInEveryTextForm() throws Exception {
        RedisAddress address = RedisAddress.parse("redis://admin:hunter2@cache:6379/3");

        assertThat(address.redacted()).isEqualTo("redis://****@cache:6379/3");
        assertThat(address.toString()).isEqualTo("redis://****@cache:6379/3");
    }

    @Test
    void refusesAnotherSchemeNamingIt() {
        assertThatThrownBy(() -> RedisAddress.parse("amqp://guest:guest@rabbit:5672//"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("must start with redis:// or rediss:// (TLS), got amqp://")
                .hasMessageNotContaining("guest");
    }

    @Test
    void refusesASocketUrl() {
        assertThatThrownBy(() -> RedisAddress.parse("unix:///var/run/redis.sock"))
                .hasMessageContaining("Unix socket URLs are not supported");
    }

    @Test
    void refusesAnUnparsableUrlWithoutQuotingThePassword() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://:pa ss#word@host:6379/0"))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("setting 'url' is not a valid URL")
                .hasMessageContaining("percent-encoding special characters in the password")
                .hasMessageNotContaining("pa ss");
    }

    @Test
    void refusesAUrlWhoseUnencodedPasswordHidesTheHost() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://:p@ss@host:6379/0"))
                .hasMessageContaining("setting 'url' has no host name").hasMessageNotContaining("p@ss");
    }

    @Test
    void refusesADatabaseThatIsNotANumber() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://host:6379/cache"))
                .hasMessageContaining("the database after the port must be a number like /0, got /cache");
    }

    @Test
    void refusesUnknownQueryParametersWithoutTheirValues() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://host:6379/0?password=hunter2"))
                .hasMessageContaining("query parameter 'password' is not supported")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesCertificateOptionsWithoutTls() {
        assertThatThrownBy(() -> RedisAddress.parse("redis://host:6379/0?ssl_cert_reqs=none"))
                .hasMessageContaining("ssl_cert_reqs only applies to rediss:// (TLS) URLs");
    }
}
