package io.autoscalebot.plugin.email;

import static io.autoscalebot.plugin.email.EmailFixtures.PASSWORD;
import static io.autoscalebot.plugin.email.EmailFixtures.notifier;
import static io.autoscalebot.plugin.email.EmailFixtures.scaledWeb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.Notify;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sends through a real SMTP server (GreenMail) on loopback. */
class EmailNotifyTest {

    private static final String LOOPBACK = "127.0.0.1";

    /** One server for the class: SMTPS makes its TLS key at start, which takes seconds on a busy machine. */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            EmailFixtures.loopback(ServerSetup.PROTOCOL_SMTP), EmailFixtures.loopback(ServerSetup.PROTOCOL_SMTPS)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.com", "bot", PASSWORD))
            .withPerMethodLifecycle(false);

    @BeforeEach
    void forgetEarlierMail() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @TempDir
    Path state;

    @Test
    void deliversSubjectBodyAndSenderToEveryRecipient() throws Exception {
        Notify notify = notifier(plainSmtp(Map.of("to", List.of("ops@example.com", "dev@example.com"))), state);

        notify.notify(scaledWeb());

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(addresses(message.getFrom())).containsExactly("Autoscalebot <bot@example.com>");
        assertThat(addresses(message.getRecipients(Message.RecipientType.TO)))
                .containsExactly("ops@example.com", "dev@example.com");
        assertThat(message.getSubject())
                .isEqualTo("[autoscalebot] web: SCALE scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)");
        assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                .isEqualTo(MailContent.of(scaledWeb(), "[autoscalebot]").body());
        assertThat(message.getSentDate().toInstant()).isEqualTo(EmailFixtures.NOW);
        assertThat(MAIL.findReceivedMessages(user -> user.getEmail().equals("ops@example.com"), any -> true)).hasSize(1);
        assertThat(MAIL.findReceivedMessages(user -> user.getEmail().equals("dev@example.com"), any -> true)).hasSize(1);
    }

    @Test
    void logsInWithTheConfiguredUserAndPassword() throws Exception {
        Notify notify = notifier(plainSmtp(Map.of("username", "bot", "password", PASSWORD)), state);

        notify.notify(scaledWeb());

        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void reportsARefusedLoginWithoutThePassword() throws Exception {
        String wrong = "wrong-" + PASSWORD;
        Notify notify = notifier(plainSmtp(Map.of("username", "bot", "password", wrong)), state);

        assertThatThrownBy(() -> notify.notify(scaledWeb()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("SMTP server 127.0.0.1:" + MAIL.getSmtp().getPort() + " refused the login of user 'bot'")
                .hasMessageContaining("check settings 'username' and 'password'")
                .message().doesNotContain(wrong).doesNotContain(base64(wrong));
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendsOverSmtpsToATrustedSelfSignedServer() throws Exception {
        Notify notify = notifier(Map.of("security", "smtps", "port", MAIL.getSmtps().getPort(), "trust", LOOPBACK,
                "username", "bot", "password", PASSWORD), state);

        notify.notify(scaledWeb());

        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void refusesAnSmtpsServerWhoseCertificateIsNotTrusted() throws Exception {
        Notify notify = notifier(Map.of("security", "smtps", "port", MAIL.getSmtps().getPort(),
                "username", "bot", "password", PASSWORD), state);

        assertThatThrownBy(() -> notify.notify(scaledWeb()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("TLS with SMTP server 127.0.0.1:" + MAIL.getSmtps().getPort() + " failed")
                .hasMessageContaining("add \"127.0.0.1\" to setting 'trust'")
                .message().doesNotContain(PASSWORD);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesAServerWithoutStarttlsRatherThanLogInInClearText() throws Exception {
        Notify notify = notifier(Map.of("security", "starttls", "port", MAIL.getSmtp().getPort(),
                "username", "bot", "password", PASSWORD), state);

        assertThatThrownBy(() -> notify.notify(scaledWeb()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("does not offer STARTTLS, which security \"starttls\" requires")
                .message().doesNotContain(PASSWORD);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesToSendWithoutLoginWhenTheServerOffersNoAuthButAUsernameIsSet() throws Exception {
        try (NoAuthSmtpServer relay = new NoAuthSmtpServer()) {
            Notify notify = notifier(Map.of("security", "none", "port", relay.port(),
                    "username", "bot", "password", PASSWORD), state);

            assertThatThrownBy(() -> notify.notify(scaledWeb()))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("SMTP server 127.0.0.1:" + relay.port() + " offers no login (no AUTH)")
                    .hasMessageContaining("setting 'username' is set")
                    .message().doesNotContain(PASSWORD);
            assertThat(relay.received()).as("nothing sent anonymously").isZero();
        }
    }

    @Test
    void sendsWithoutLoginToAServerWithoutAuthWhenNoUsernameIsSet() throws Exception {
        try (NoAuthSmtpServer relay = new NoAuthSmtpServer()) {
            Notify notify = notifier(Map.of("security", "none", "port", relay.port()), state);

            notify.notify(scaledWeb());

            assertThat(relay.received()).isEqualTo(1);
        }
    }

    @Test
    void reportsARefusedConnectionWithHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }
        Notify notify = notifier(Map.of("security", "none", "port", closedPort), state);

        assertThatThrownBy(() -> notify.notify(scaledWeb()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("could not connect to SMTP server 127.0.0.1:" + closedPort + ": connection refused")
                .hasMessageContaining("check settings 'host' and 'port'");
    }

    @Test
    void givesUpOnASilentServerAfterTheTimeout() throws Exception {
        // A listening socket nobody accepts from: the connection opens but the server's greeting never comes.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Notify notify = notifier(Map.of("security", "none", "port", silent.getLocalPort(), "timeout", "300ms"),
                    state);

            assertThatThrownBy(() -> notify.notify(scaledWeb()))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("did not answer within 300 ms (setting 'timeout')");
        }
    }

    @Test
    void restoresTheCallersContextClassLoader() throws Exception {
        ClassLoader callers = new ClassLoader(getClass().getClassLoader()) { };
        Thread.currentThread().setContextClassLoader(callers);
        try {
            notifier(plainSmtp(Map.of()), state).notify(scaledWeb());

            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(callers);
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }
    }

    private static Map<String, Object> plainSmtp(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("security", "none", "port", MAIL.getSmtp().getPort()));
        settings.putAll(extra);
        return settings;
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
