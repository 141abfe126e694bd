package io.autoscalebot.plugin.email;

import java.util.Locale;

/**
 * How the connection to the SMTP server is protected: the {@code security} setting.
 */
enum Security {
    /** Plain connection upgraded with STARTTLS; a server that cannot upgrade is refused, so a login never goes out in clear. */
    STARTTLS("smtp"),
    /** TLS from the first byte (implicit TLS, usually port 465). */
    SMTPS("smtps"),
    /** No encryption, for a relay on a trusted network. */
    NONE("smtp");

    private final String protocol;

    Security(String protocol) {
        this.protocol = protocol;
    }

    /** @return the Jakarta Mail transport protocol, which also prefixes its properties ({@code mail.smtps.host}) */
    String protocol() {
        return protocol;
    }

    /** @return whether the connection is encrypted at some point, so that certificate settings apply */
    boolean usesTls() {
        return this != NONE;
    }

    /**
     * @param label a value of the {@code security} setting, already checked against its choices
     * @return the matching constant
     */
    static Security fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
