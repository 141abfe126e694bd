package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a real broker answers to a wrong login, a user without rights, a wrong name or a wrong port, and what we say. */
@ExtendWith(RabbitMqExtension.class)
class RabbitMqFailuresTest {

    private static final String VHOST = "failures";
    private static final String USER = "autoscalebot-failures";
    private static final String PASSWORD = "right-Pa55/word";
    private static final String WRONG_PASSWORD = "wr0ng:Pa55/word ü";

    private static RabbitMqBroker broker;

    @BeforeAll
    static void arrange(RabbitMqBroker sharedBroker) throws Exception {
        broker = sharedBroker;
        broker.createVhost(VHOST);
        broker.declareQueue(VHOST, "emails");
        broker.createUser(USER, PASSWORD, "monitoring");
        broker.permit(VHOST, USER, "", "", "");
        broker.awaitFigures(VHOST, "emails", 0, 0, 0);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        broker.deleteVhost(VHOST);
    }

    @Test
    void saysTheLoginFailedAndNeverShowsThePasswordInAnyForm() throws Exception {
        Map<String, Object> settings = settings(USER, WRONG_PASSWORD);

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("RabbitMQ at " + broker.managementUrl() + " refused the login of user '"
                + USER + "' (HTTP 401: Login failed); check settings 'username' and 'password'");
        assertThat(reading.failure()).doesNotContain(WRONG_PASSWORD, URLEncoder.encode(WRONG_PASSWORD,
                StandardCharsets.UTF_8), Base64.getEncoder().encodeToString((USER + ":" + WRONG_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tellsAUserWithoutTheMonitoringTagHowToGetIt() throws Exception {
        broker.createUser("no-tag", "no-tag-password", "");
        broker.permit(VHOST, "no-tag", "", "", "");

        Measurement reading = Measuring.once(settings("no-tag", "no-tag-password"));

        assertThat(reading.failure()).contains("accepted the login of user 'no-tag' but does not let it read queues")
                .contains("rabbitmqctl set_user_tags no-tag monitoring");
    }

    @Test
    void tellsAUserWithoutAccessToTheVhostHowToGetIt() throws Exception {
        broker.createUser("no-vhost", "no-vhost-password", "monitoring");

        Measurement reading = Measuring.once(settings("no-vhost", "no-vhost-password"));

        assertThat(reading.failure()).contains("does not let user 'no-vhost' into vhost 'failures'")
                .contains("rabbitmqctl set_permissions -p 'failures' no-vhost '' '' ''");
    }

    @Test
    void namesAMissingQueueAndTheCloseNameThatExists() throws Exception {
        Map<String, Object> settings = settings(USER, PASSWORD);
        settings.put("queues", List.of("emails", "emials"));

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("RabbitMQ at " + broker.managementUrl() + " has no queue 'emials' in "
                + "vhost 'failures' (did you mean 'emails'?); check setting 'queues', and that the queue is declared "
                + "(a worker declares it when it starts)");
    }

    @Test
    void saysItIsTheVhostThatIsMissingRatherThanTheQueue() throws Exception {
        Map<String, Object> settings = settings(USER, PASSWORD);
        settings.put("vhost", "failurez");

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("RabbitMQ at " + broker.managementUrl() + " has no vhost 'failurez'; "
                + "check setting 'vhost' (RabbitMQ's default vhost is \"/\")");
    }

    @Test
    void saysWhatToCheckWhenNothingListens() throws Exception {
        int closedPort = closedPort();
        Map<String, Object> settings = settings(USER, PASSWORD);
        settings.put("url", "http://127.0.0.1:" + closedPort);

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).contains("cannot connect to 127.0.0.1:" + closedPort)
                .contains("rabbitmq-plugins enable rabbitmq_management");
    }

    @Test
    void saysTheAmqpPortIsNotTheManagementApis() throws Exception {
        Map<String, Object> settings = settings(USER, PASSWORD);
        settings.put("url", "http://127.0.0.1:" + broker.ports().amqp());

        Measurement reading = Measuring.once(settings);

        assertThat(reading.failure()).isEqualTo("RabbitMQ at http://127.0.0.1:" + broker.ports().amqp() + ": 127.0.0.1:"
                + broker.ports().amqp() + " answered in AMQP, not HTTP: it is the broker's AMQP port; point setting "
                + "'url' at the management plugin instead, on port 15672 by default");
    }

    private static Map<String, Object> settings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", broker.managementUrl());
        settings.put("username", user);
        settings.put("password", password);
        settings.put("vhost", VHOST);
        settings.put("queues", List.of("emails"));
        return settings;
    }

    /** A port nothing listens on: one the system just handed out and took back. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
