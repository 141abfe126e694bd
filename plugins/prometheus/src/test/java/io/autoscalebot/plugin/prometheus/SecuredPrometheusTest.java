package io.autoscalebot.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real Prometheus secured the way its --web.config.file secures it: TLS and HTTP Basic authentication. */
@ExtendWith(PrometheusExtension.class)
class SecuredPrometheusTest {

    private static PrometheusServer prometheus;

    @BeforeAll
    static void arrange(@PrometheusExtension.Secured PrometheusServer server) {
        prometheus = server;
    }

    @Test
    void readsOverHttpsWithBasicAuthenticationTrustingTheAuthorityInCaFile() throws Exception {
        Measurement reading = Measuring.once(settings(PrometheusServer.USER, PrometheusServer.PASSWORD));

        assertThat(reading.failure()).isNull();
        assertThat(reading.value()).isEqualTo(7.0);
    }

    @Test
    void saysItWantsALoginWhenNoneIsGiven() throws Exception {
        Map<String, Object> settings = settings(PrometheusServer.USER, PrometheusServer.PASSWORD);
        settings.remove("username");
        settings.remove("password");

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).startsWith("Prometheus at " + prometheus.url() + " answered HTTP 401, refusing "
                + "the request").endsWith("; it wants a login: set 'token', or 'username' and 'password'");
    }

    @Test
    void saysTheLoginWasRefusedAndNeverShowsThePasswordInAnyForm() throws Exception {
        String wrong = "wr0ng/pa55 wörd";

        Measurement reading = Measuring.once(settings(PrometheusServer.USER, wrong));

        assertThat(reading.failure()).startsWith("Prometheus at " + prometheus.url() + " answered HTTP 401")
                .endsWith("; check settings 'token', or 'username' and 'password'")
                .doesNotContain(wrong, URLEncoder.encode(wrong, StandardCharsets.UTF_8), Base64.getEncoder()
                        .encodeToString((PrometheusServer.USER + ":" + wrong).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesAServerWhoseCertificateNoTrustedAuthoritySigned() throws Exception {
        Map<String, Object> settings = settings(PrometheusServer.USER, PrometheusServer.PASSWORD);
        settings.remove("ca_file");

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).startsWith("Prometheus at " + prometheus.url() + ": TLS with 127.0.0.1:")
                .contains("setting 'ca_file'");
    }

    private static Map<String, Object> settings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", prometheus.url());
        settings.put("query", "sum(jobs_waiting)");
        settings.put("username", user);
        settings.put("password", password);
        settings.put("ca_file", prometheus.certificateAuthority().toString());
        return settings;
    }
}
