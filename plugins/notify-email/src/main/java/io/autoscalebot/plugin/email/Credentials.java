package io.autoscalebot.plugin.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A login for the SMTP server.
 *
 * @param username the user name, shown in messages
 * @param password the password, never shown
 */
record Credentials(String username, String password) {

    /** Checks that no part is null. */
    Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Removes the password from text that came from the server or the mail library. SMTP sends it base64-encoded
     * (alone for AUTH LOGIN), so that form is removed too, in case a server echoes what it received.
     *
     * @param text a message that may contain the password
     * @return the text with every form of the password replaced by {@code ****}
     */
    String redact(String text) {
        if (password.isEmpty() || text == null) {
            return text;
        }
        String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        return text.replace(password, "****").replace(encoded, "****");
    }

    /** Keeps the password out of logs and debuggers' summaries. */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****]";
    }
}
