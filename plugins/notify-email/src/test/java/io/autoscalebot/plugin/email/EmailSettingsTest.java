package io.autoscalebot.plugin.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.InvalidSettingsException;
import io.autoscalebot.testkit.TestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailSettingsTest {

    @Test
    void appliesTheDocumentedDefaults() throws Exception {
        EmailSettings settings = EmailSettings.from(EmailFixtures.settings(Map.of()));

        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.security()).isEqualTo(Security.STARTTLS);
        assertThat(settings.subjectPrefix()).isEqualTo("[autoscalebot]");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.credentials()).isEmpty();
        assertThat(settings.trustedHosts()).isEmpty();
    }

    @Test
    void readsEveryRecipientOfTheList() throws Exception {
        EmailSettings settings = EmailSettings.from(EmailFixtures.settings(
                Map.of("to", List.of("ops@example.com", "Dev Team <dev@example.com>"))));

        assertThat(settings.to()).extracting(address -> address.getAddress())
                .containsExactly("ops@example.com", "dev@example.com");
    }

    @Test
    void requiresHostFromAndTo() {
        assertThatThrownBy(() -> TestSettings.resolve(new EmailNotifyProvider(), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("missing required setting 'host'")
                .hasMessageContaining("missing required setting 'from'")
                .hasMessageContaining("missing required setting 'to'");
    }

    @Test
    void refusesASecurityOutsideTheChoices() {
        assertThatThrownBy(() -> EmailFixtures.settings(Map.of("security", "ssl")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("must be one of starttls, smtps, none");
    }

    @Test
    void refusesARecipientThatIsNotAnAddress() {
        assertThatThrownBy(() -> EmailSettings.from(EmailFixtures.settings(
                Map.of("to", List.of("ops@example.com", "ops at example")))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'to': \"ops at example\" is not an e-mail address");
    }

    @Test
    void refusesASenderThatIsNotAnAddress() {
        assertThatThrownBy(() -> EmailSettings.from(EmailFixtures.settings(Map.of("from", "bot@"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'from': \"bot@\" is not an e-mail address");
    }

    @Test
    void refusesAPasswordWithoutAUsernameWithoutShowingIt() {
        assertThatThrownBy(() -> EmailSettings.from(EmailFixtures.settings(Map.of("password", EmailFixtures.PASSWORD))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'password' is set but 'username' is not")
                .message().doesNotContain(EmailFixtures.PASSWORD);
    }

    @Test
    void refusesAUsernameWithoutAPassword() {
        assertThatThrownBy(() -> EmailSettings.from(EmailFixtures.settings(Map.of("username", "bot"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'username' is set but 'password' is not");
    }

    @Test
    void refusesTrustedHostsOnAnUnencryptedConnection() {
        assertThatThrownBy(() -> EmailSettings.from(EmailFixtures.settings(
                Map.of("security", "none", "trust", "127.0.0.1"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'trust' only applies to an encrypted connection");
    }

    @Test
    void refusesAPortAboveTheTcpRange() {
        assertThatThrownBy(() -> EmailFixtures.settings(Map.of("port", 70_000)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'port' must be at most 65535, got 70000");
    }

    @Test
    void refusesAZeroTimeoutWhichWouldWaitForever() {
        assertThatThrownBy(() -> EmailFixtures.settings(Map.of("timeout", "0s")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'timeout' must be at least 1ms, got 0s");
    }

    @Test
    void validateTiesEachProblemToTheSettingToChange() {
        List<SettingProblem> problems = TestSettings.problems(new EmailNotifyProvider(), Map.of("host", " ",
                "from", "bot@", "to", List.of(), "username", "bot", "security", "none", "trust", "127.0.0.1"));

        assertThat(problems).extracting(SettingProblem::key).containsExactly("host", "trust", "to", "from", "username");
    }

    @Test
    void neverShowsThePassword() throws Exception {
        Settings settings = EmailFixtures.settings(Map.of("username", "bot", "password", EmailFixtures.PASSWORD));

        assertThat(settings.toString()).contains("password=****").doesNotContain(EmailFixtures.PASSWORD);
        assertThat(EmailSettings.from(settings).toString()).doesNotContain(EmailFixtures.PASSWORD);
    }
}
