package io.autoscalebot.plugin.email;

import io.autoscalebot.api.PluginException;
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
     * Reads and checks resolved settings.
     *
     * @param settings the settings resolved against {@link EmailNotifyProvider#settings()}
     * @return the checked settings
     * @throws PluginException naming the setting that is wrong and how to fix it; never containing the password
     */
    static EmailSettings from(Settings settings) throws PluginException {
        String host = settings.string("host").trim();
        if (host.isEmpty()) {
            throw new PluginException("setting 'host' is empty: set it to the SMTP server's host name, like"
                    + " \"smtp.example.com\"");
        }
        // The port and timeout are within their declared bounds: the engine checked them.
        int port = settings.integer("port");
        Duration timeout = settings.duration("timeout");
        Security security = Security.fromLabel(settings.string("security"));
        List<String> trusted = settings.has("trust") ? settings.stringList("trust") : List.of();
        if (!trusted.isEmpty() && !security.usesTls()) {
            throw new PluginException("setting 'trust' only applies to an encrypted connection, but security is"
                    + " \"none\": remove 'trust' or set security to \"starttls\" or \"smtps\"");
        }
        List<InternetAddress> recipients = new ArrayList<>();
        for (String address : settings.stringList("to")) {
            recipients.add(address("to", address));
        }
        if (recipients.isEmpty()) {
            throw new PluginException("setting 'to' lists no recipient: give at least one address, like"
                    + " [\"ops@example.com\"]");
        }
        return new EmailSettings(host, port, security, credentials(settings), address("from", settings.string("from")),
                recipients, settings.string("subject_prefix"), timeout, trusted);
    }

    private static Optional<Credentials> credentials(Settings settings) throws PluginException {
        Optional<String> username = settings.optionalString("username");
        Optional<String> password = settings.optionalString("password");
        if (username.isPresent() != password.isPresent()) {
            String set = username.isPresent() ? "username" : "password";
            String missing = username.isPresent() ? "password" : "username";
            throw new PluginException("setting '" + set + "' is set but '" + missing + "' is not: an SMTP login needs"
                    + " both; set '" + missing + "' or remove '" + set + "'");
        }
        return username.map(name -> new Credentials(name, password.orElseThrow()));
    }

    private static InternetAddress address(String setting, String text) throws PluginException {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new PluginException("setting '" + setting + "': \"" + text + "\" is not an e-mail address ("
                    + e.getMessage() + "); write it like \"ops@example.com\" or \"Ops <ops@example.com>\"", e);
        }
    }
}
