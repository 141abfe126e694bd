package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Measurement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readings of a real broker's queues, arranged through its management API and STOMP as producers and workers would
 * leave them. The plugin logs in as a user with the least it needs: the monitoring tag and access to one vhost with no
 * rights, with a password full of characters that need encoding.
 */
@ExtendWith(RabbitMqExtension.class)
class RabbitMqMeasureTest {

    /** A slash in the name shows that the vhost is encoded into the URL (as %2F) and not read as a path. */
    private static final String VHOST = "jobs/measure";
    private static final String USER = "autoscalebot-measure";
    private static final String PASSWORD = "p@ss:w/rd%+ ü";

    private static RabbitMqBroker broker;

    @BeforeAll
    static void arrange(RabbitMqBroker sharedBroker) throws Exception {
        broker = sharedBroker;
        broker.createVhost(VHOST);
        broker.createUser(USER, PASSWORD, "monitoring");
        broker.permit(VHOST, USER, "", "", "");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        broker.deleteVhost(VHOST);
    }

    @Test
    void countsTheReadyMessagesOfAQueueInAVhostWhoseNameHasASlash() throws Exception {
        broker.declareQueue(VHOST, "emails");
        broker.publish(VHOST, "emails", 3);
        broker.awaitFigures(VHOST, "emails", 3, 0, 0);

        Measurement reading = Measuring.once(settings(List.of("emails")));

        assertThat(reading.failure()).isNull();
        assertThat(reading.value()).isEqualTo(3);
        assertThat(reading.unit()).isEqualTo("messages");
    }

    @Test
    void addsUpTheMessagesOfSeveralQueues() throws Exception {
        broker.declareQueue(VHOST, "reports");
        broker.declareQueue(VHOST, "invoices");
        broker.publish(VHOST, "reports", 2);
        broker.publish(VHOST, "invoices", 5);
        broker.awaitFigures(VHOST, "reports", 2, 0, 0);
        broker.awaitFigures(VHOST, "invoices", 5, 0, 0);

        Measurement reading = Measuring.once(settings(List.of("reports", "invoices")));

        assertThat(reading.describe()).isEqualTo("7 messages");
    }

    @Test
    @SuppressWarnings("try") // the consumers only need to be connected while the body runs
    void countsUnacknowledgedMessagesOnlyWhenAsked() throws Exception {
        broker.declareQueue(VHOST, "thumbnails");
        broker.publish(VHOST, "thumbnails", 10);
        try (StompConsumer first = StompConsumer.subscribe(broker.ports().stomp(), VHOST, "thumbnails", 2);
             StompConsumer second = StompConsumer.subscribe(broker.ports().stomp(), VHOST, "thumbnails", 2)) {
            broker.awaitFigures(VHOST, "thumbnails", 6, 4, 2);

            Measurement ready = Measuring.once(settings(List.of("thumbnails")));
            Map<String, Object> withUnacked = settings(List.of("thumbnails"));
            withUnacked.put("count", "ready+unacked");
            Measurement readyAndUnacked = Measuring.once(withUnacked);

            assertThat(ready.describe()).isEqualTo("6 messages");
            assertThat(readyAndUnacked.describe()).isEqualTo("10 messages");
        }
    }

    @Test
    @SuppressWarnings("try") // the consumers only need to be connected while the body runs
    void reportsTheBacklogPerConsumer() throws Exception {
        broker.declareQueue(VHOST, "videos");
        broker.publish(VHOST, "videos", 10);
        try (StompConsumer first = StompConsumer.subscribe(broker.ports().stomp(), VHOST, "videos", 2);
             StompConsumer second = StompConsumer.subscribe(broker.ports().stomp(), VHOST, "videos", 2)) {
            broker.awaitFigures(VHOST, "videos", 6, 4, 2);
            Map<String, Object> perConsumer = settings(List.of("videos"));
            perConsumer.put("report", "messages_per_consumer");
            Map<String, Object> perConsumerWithUnacked = new HashMap<>(perConsumer);
            perConsumerWithUnacked.put("count", "ready+unacked");

            Measurement ready = Measuring.once(perConsumer);
            Measurement readyAndUnacked = Measuring.once(perConsumerWithUnacked);

            assertThat(ready.value()).isEqualTo(3.0);
            assertThat(ready.unit()).isEqualTo("messages/consumer");
            assertThat(readyAndUnacked.value()).isEqualTo(5.0);
        }
    }

    @Test
    void countsNoConsumerAsOneSoABacklogNobodyWorksOnStillReadsInFull() throws Exception {
        broker.declareQueue(VHOST, "orphans");
        broker.publish(VHOST, "orphans", 4);
        broker.awaitFigures(VHOST, "orphans", 4, 0, 0);
        Map<String, Object> perConsumer = settings(List.of("orphans"));
        perConsumer.put("report", "messages_per_consumer");

        Measurement reading = Measuring.once(perConsumer);

        assertThat(reading.value()).isEqualTo(4.0);
    }

    @Test
    void readsOverHttpsTrustingTheAuthorityInCaFile() throws Exception {
        broker.declareQueue(VHOST, "secure");
        broker.publish(VHOST, "secure", 1);
        broker.awaitFigures(VHOST, "secure", 1, 0, 0);
        Map<String, Object> tls = settings(List.of("secure"));
        tls.put("url", broker.managementTlsUrl());
        tls.put("ca_file", broker.certificateAuthority().toString());

        Measurement reading = Measuring.once(tls);

        assertThat(reading.describe()).isEqualTo("1 messages");
    }

    @Test
    void refusesABrokerWhoseCertificateNoTrustedAuthoritySigned() throws Exception {
        Map<String, Object> tls = settings(List.of("emails"));
        tls.put("url", broker.managementTlsUrl());

        Measurement reading = Measuring.once(tls);

        assertThat(reading.failure()).contains("TLS with 127.0.0.1:" + broker.ports().managementTls() + " failed")
                .contains("setting 'ca_file'");
    }

    private static Map<String, Object> settings(List<String> queues) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", broker.managementUrl());
        settings.put("username", USER);
        settings.put("password", PASSWORD);
        settings.put("vhost", VHOST);
        settings.put("queues", queues);
        return settings;
    }
}
