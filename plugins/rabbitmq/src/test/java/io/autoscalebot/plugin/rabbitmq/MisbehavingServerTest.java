package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers no healthy broker gives, but a wrong URL, a proxy, a broker mid-start or a broken one can: each is a failed
 * reading that says what is wrong, never a number and never the password.
 */
class MisbehavingServerTest {

    private static final String PASSWORD = "s3cret/pass word";

    @Test
    void saysAnAnswerThatIsNotJsonIsNotTheManagementApi() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.status(200, "text/html", "<html><body>Welcome to nginx!</body></html>"))) {
            Measurement reading = Measuring.once(settings(server.url()));

            assertThat(reading.succeeded()).isFalse();
            assertThat(reading.failure()).contains("answered the request for queue 'emails' in vhost '/' with "
                    + "something that is not JSON").contains("Welcome to nginx!")
                    .contains("check that setting 'url' points at the management plugin");
        }
    }

    @Test
    void saysAQueueHasNoFiguresYetWhenTheSampleHasNotReachedIt() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.status(200, "application/json", "{\"name\":\"emails\"}"))) {
            Measurement reading = Measuring.once(settings(server.url()));

            assertThat(reading.failure()).contains("has no figures for queue 'emails' in vhost '/' yet")
                    .contains("samples queues every 5s");
        }
    }

    @Test
    void refusesFiguresThatAreNotWholeNumbers() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.status(200, "application/json",
                "{\"name\":\"emails\",\"messages_ready\":\"many\",\"messages_unacknowledged\":0,\"consumers\":1}"))) {
            Measurement reading = Measuring.once(settings(server.url()));

            assertThat(reading.failure()).contains("a 'messages_ready' that is not a whole number >= 0 (\"many\")");
        }
    }

    @Test
    void saysA404WithoutTheManagementApisErrorIsAnotherServer() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(
                MisbehavingServer.status(404, "text/plain", "404 page not found"))) {
            Measurement reading = Measuring.once(settings(server.url()));

            assertThat(reading.failure()).contains("answered HTTP 404 for queue 'emails' in vhost '/' without the "
                    + "management API's error; the response starts with: 404 page not found")
                    .contains("with its path prefix");
        }
    }

    @Test
    void neverShowsThePasswordEvenWhenAServerEchoesItInAnyForm() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("monitor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String echo = "bad gateway for Authorization: Basic " + basic + " password=" + PASSWORD + " form="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + " path=s3cret%2Fpass%20word"
                + " json=\"s3cret\\/pass word\"";
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.status(502, "text/plain", echo))) {
            Measurement reading = Measuring.once(settings(server.url()));

            assertThat(reading.failure()).startsWith("RabbitMQ at " + server.url() + " answered HTTP 502")
                    .contains("Basic ****", "password=****", "form=****", "path=****")
                    .doesNotContain(PASSWORD, basic, "s3cret");
        }
    }

    @Test
    void givesUpWhenTheTimeoutRunsOutAndSaysWhichSetting() throws Exception {
        MisbehavingServer[] hung = new MisbehavingServer[1];
        try (MisbehavingServer server = new MisbehavingServer(exchange -> hung[0].hang())) {
            hung[0] = server;
            Map<String, Object> settings = settings(server.url());
            settings.put("timeout", "300ms");

            Measurement reading = Measuring.once(settings);

            assertThat(reading.failure()).isEqualTo("RabbitMQ at " + server.url() + " did not answer within 300ms "
                    + "(setting 'timeout'); check that the broker is not overloaded, or raise 'timeout' (below the "
                    + "group's timeout)");
        }
    }

    @Test
    void doesNotFollowARedirectWhichWouldCarryTheCredentialsElsewhere() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(exchange -> {
            exchange.getResponseHeaders().set("Location", "http://elsewhere.example/api/queues/%2F/emails");
            MisbehavingServer.respond(exchange, 302, "text/plain", "");
        })) {
            Measurement reading = Measuring.once(settings(server.url()));

            assertThat(reading.failure()).startsWith("RabbitMQ at " + server.url() + " answered HTTP 302 for queue "
                    + "'emails' in vhost '/'");
        }
    }

    private static Map<String, Object> settings(String url) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", url);
        settings.put("username", "monitor");
        settings.put("password", PASSWORD);
        settings.put("queues", List.of("emails"));
        return settings;
    }
}
