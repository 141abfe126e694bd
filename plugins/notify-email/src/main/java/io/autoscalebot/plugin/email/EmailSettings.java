package io.autoscalebot.plugin.email;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code email} notifier's settings, checked beyond what the schema can say: addresses parsed, login complete.
 *
 * @param host the SMTP server's host name
 * @param port the SMTP server's port
 * @param security how the connection is protected
 * @param credentials the login, if the server needs one
 * @param from the sender
 * @param to the recipients, at least one
 * @param subjectPrefix the text that starts every subject
 * @param timeout the connect and read timeout
 * @param trustedHosts host names whose certificate is trusted without verification
 */
record EmailSettings(String host, int port, Security security, Optional<Credentials> credentials, InternetAddress from,
                     List<InternetAddress> to, String subjectPrefix, Duration timeout, List<String> trustedHosts) {

    /** Checks that no part is null and copies the lists. */
    EmailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        Objects.requireNonNull(timeout, "timeout");
        to = List.copyOf(to);
        trustedHosts = List.copyOf(trustedHosts);
    }

    /**
     * Checks what the schema cannot say: a blank host, addresses that do not parse, no recipient, a login without its
     * password, trusted hosts on a clear-text connection. For the provider's {@code validate}.
     *
     * @param settings the settings resolved against {@link EmailNotifyProvider#settings()}
     * @return every problem, at the setting to change; never containing the password
     */
    static List<SettingProblem> problems(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        if (settings.string("host").isBlank()) {
            problems.add(new SettingProblem("host", "setting 'host' is empty: set it to the SMTP server's host name,"
                    + " like \"smtp.example.com\""));
        }
        Security security = Security.fromLabel(settings.string("security"));
        if (!trusted(settings).isEmpty() && !security.usesTls()) {
            problems.add(new SettingProblem("trust", "setting 'trust' only applies to an encrypted connection, but"
                    + " security is \"none\": remove 'trust' or set security to \"starttls\" or \"smtps\""));
        }
        List<String> to = settings.stringList("to");
        if (to.isEmpty()) {
            problems.add(new SettingProblem("to", "setting 'to' lists no recipient: give at least one address, like"
                    + " [\"ops@example.com\"]"));
        }
        to.forEach(address -> addressProblem("to", address).ifPresent(problems::add));
        addressProblem("from", settings.string("from")).ifPresent(problems::add);
        Optional<String> username = settings.optionalString("username");
        Optional<String> password = settings.optionalString("password");
        if (username.isPresent() != password.isPresent()) {
            String set = username.isPresent() ? "username" : "password";
            String missing = username.isPresent() ? "password" : "username";
            problems.add(new SettingProblem(set, "setting '" + set + "' is set but '" + missing + "' is not: an SMTP"
                    + " login needs both; set '" + missing + "' or remove '" + set + "'"));
        }
        return problems;
    }

    /**
     * Reads settings {@link #problems} accepts.
     *
     * @param settings the settings resolved against {@link EmailNotifyProvider#settings()}
     * @return the checked settings
     * @throws PluginException with the first problem, for a caller that skipped the engine's validation
     */
    static EmailSettings from(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.get(0).message());
        }
        List<InternetAddress> recipients = new ArrayList<>();
        settings.stringList("to").forEach(address -> recipients.add(parse(address)));
        Optional<String> username = settings.optionalString("username");
        Optional<Credentials> credentials = username.map(name -> new Credentials(name,
                settings.optionalString("password").orElseThrow()));
        // The port and timeout are within their declared bounds: the engine checked them.
        return new EmailSettings(settings.string("host").trim(), settings.integer("port"),
                Security.fromLabel(settings.string("security")), credentials, parse(settings.string("from")),
                recipients, settings.string("subject_prefix"), settings.duration("timeout"), trusted(settings));
    }

    private static List<String> trusted(Settings settings) {
        return settings.has("trust") ? settings.stringList("trust") : List.of();
    }

    private static Optional<SettingProblem> addressProblem(String setting, String text) {
        try {
            new InternetAddress(text, true).validate();
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of(new SettingProblem(setting, "setting '" + setting + "': \"" + text + "\" is not an"
                    + " e-mail address (" + e.getMessage() + "); write it like \"ops@example.com\" or"
                    + " \"Ops <ops@example.com>\""));
        }
    }

    /** @return the address, which {@link #problems} has found valid */
    private static InternetAddress parse(String text) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new IllegalStateException("an address problems() accepted no longer parses: " + text, e);
        }
    }
}
