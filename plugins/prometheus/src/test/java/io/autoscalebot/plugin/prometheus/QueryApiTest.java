package io.autoscalebot.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.settings.Settings;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.autoscalebot.testkit.TestSettings;

/** What the plugin sends, checked on the request itself: the method, the parameters and the credentials. */
class QueryApiTest {

    @Test
    void getsAShortQueryWithItsTimeoutInTheUrl() throws Exception {
        HttpRequest request = api(Map.of("query", "sum(rate(http_requests_total{job=\"web\"}[5m]))"))
                .request(Duration.ofMillis(4500));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getPath()).isEqualTo("/prom/api/v1/query");
        assertThat(URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("query=sum(rate(http_requests_total{job=\"web\"}[5m]))&timeout=4500ms");
    }

    @Test
    void postsALongQueryAsAForm() throws Exception {
        HttpRequest request = api(Map.of("query", "sum(up)" + " + 0".repeat(1000))).request(Duration.ofSeconds(4));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getRawQuery()).isNull();
        assertThat(request.headers().firstValue("Content-Type")).contains("application/x-www-form-urlencoded");
    }

    @Test
    void keepsATenthOfTheBudgetSoPrometheussOwnTimeoutArrivesFirst() throws Exception {
        assertThat(QueryApi.serverTimeout(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void sendsTheTokenAsABearer() throws Exception {
        HttpRequest request = api(Map.of("token", "t0ken")).request(Duration.ofSeconds(1));

        assertThat(request.headers().firstValue("Authorization")).contains("Bearer t0ken");
    }

    @Test
    void sendsUserAndPasswordAsBasicAuthentication() throws Exception {
        HttpRequest request = api(Map.of("username", "grafana", "password", "pä:ss")).request(Duration.ofSeconds(1));

        assertThat(request.headers().firstValue("Authorization")).contains("Basic "
                + java.util.Base64.getEncoder().encodeToString("grafana:pä:ss".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sendsNoCredentialsWhenNoneAreSet() throws Exception {
        assertThat(api(Map.of()).request(Duration.ofSeconds(1)).headers().firstValue("Authorization")).isEmpty();
    }

    private static QueryApi api(Map<String, Object> overrides) throws Exception {
        PrometheusProvider provider = new PrometheusProvider();
        Map<String, Object> raw = new HashMap<>();
        raw.put("url", "http://prometheus.example.com:9090/prom/");
        raw.put("query", "sum(up)");
        raw.putAll(overrides);
        return new QueryApi(PrometheusConfig.from(TestSettings.resolve(provider.settings(), raw)));
    }
}
