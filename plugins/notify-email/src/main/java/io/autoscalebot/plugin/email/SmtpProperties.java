package io.autoscalebot.plugin.email;

import java.util.Properties;

/**
 * Turns the notifier's settings into the Jakarta Mail session properties for its transport protocol.
 */
final class SmtpProperties {

    private SmtpProperties() {
    }

    /**
     * @param settings the checked settings
     * @return the properties of a session that sends through the configured server, never containing the password
     */
    static Properties of(EmailSettings settings) {
        String prefix = "mail." + settings.security().protocol() + ".";
        String timeoutMillis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        // Without these three a dead or silent server blocks the notifier thread forever (the library's default).
        properties.setProperty(prefix + "connectiontimeout", timeoutMillis);
        properties.setProperty(prefix + "timeout", timeoutMillis);
        properties.setProperty(prefix + "writetimeout", timeoutMillis);
        properties.setProperty(prefix + "auth", Boolean.toString(settings.credentials().isPresent()));
        if (settings.security() == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            // Refuse a server that does not upgrade, rather than send the login and the mail in clear text.
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (settings.security().usesTls()) {
            boolean hostTrusted = settings.trustedHosts().contains(settings.host());
            properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(!hostTrusted));
            if (!settings.trustedHosts().isEmpty()) {
                properties.setProperty(prefix + "ssl.trust", String.join(" ", settings.trustedHosts()));
            }
        }
        return properties;
    }
}
