package io.autoscalebot.plugin.email;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Offers the {@code email} notifier: one e-mail per notification, sent over SMTP.
 */
public final class EmailNotifyProvider implements NotifyProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "email";

    private static final List<Setting> SETTINGS = List.of(
            Setting.of("host", SettingType.STRING).asRequired()
                    .doc("Host name of the SMTP server that relays the e-mails, like \"smtp.example.com\"."),
            Setting.of("port", SettingType.INTEGER).defaultValue(587).atLeast(1).atMost(65_535)
                    .doc("TCP port of the SMTP server: usually 587 for starttls, 465 for smtps, 25 for none."),
            Setting.of("security", SettingType.STRING).defaultValue("starttls").choices("starttls", "smtps", "none")
                    .doc("How the connection is protected: \"starttls\" upgrades a plain connection and refuses a server"
                            + " that cannot, \"smtps\" speaks TLS from the start, \"none\" sends in clear text (only"
                            + " for a relay on a trusted network)."),
            Setting.of("username", SettingType.STRING)
                    .doc("User name to log in to the SMTP server with; leave out for a server that needs no login."),
            Setting.of("password", SettingType.STRING).asSecret()
                    .doc("Password for \"username\"; required when \"username\" is set. Never shown."),
            Setting.of("from", SettingType.STRING).asRequired().example("autoscalebot@example.com")
                    .doc("Sender address, like \"autoscalebot@example.com\" or \"Autoscalebot <bot@example.com>\"."),
            Setting.of("to", SettingType.STRING_LIST).asRequired().example(List.of("ops@example.com"))
                    .doc("Recipient addresses: one string or a list of strings."),
            Setting.of("subject_prefix", SettingType.STRING).defaultValue("[autoscalebot]")
                    .doc("Text that starts every subject, so that mail filters can sort the e-mails."),
            Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(10))
                    .atLeast(Duration.ofMillis(1))
                    .doc("How long to wait to connect to the SMTP server and for each of its answers."),
            Setting.of("trust", SettingType.STRING_LIST)
                    .doc("Host names whose TLS certificate is trusted without verification, for a server with a"
                            + " self-signed certificate; leave out to verify every certificate."));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Sends each notification as an e-mail over SMTP (STARTTLS, SMTPS or plain).";
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    /** @return unusable addresses, a login without its password, trusted hosts without TLS, a blank host */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return EmailSettings.problems(settings);
    }

    @Override
    public Notify create(Settings settings, PluginContext context) throws PluginException {
        return new EmailNotify(EmailSettings.from(settings), context.clock());
    }
}
