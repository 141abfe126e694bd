package io.autoscalebot.plugin.email;

import io.autoscalebot.api.PluginException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Turns what Jakarta Mail throws into a message that says what failed and which setting to check.
 */
final class SmtpFailure {

    private static final int MAX_CAUSE_DEPTH = 10;

    private SmtpFailure() {
    }

    /**
     * @param failure what the mail library threw
     * @param settings the settings used, to name the server and the login
     * @return a user-facing exception, with every form of the password removed, keeping the failure as its cause
     */
    static PluginException explain(MessagingException failure, EmailSettings settings) {
        String message = reason(failure, settings);
        // Jakarta Mail never puts the password in its messages, but a server reply quoted here could echo it.
        return new PluginException(settings.credentials().map(login -> login.redact(message)).orElse(message), failure);
    }

    private static String reason(MessagingException failure, EmailSettings settings) {
        String server = "SMTP server " + settings.host() + ":" + settings.port();
        if (failure instanceof AuthenticationFailedException) {
            String user = settings.credentials().map(Credentials::username).orElse("");
            return server + " refused the login of user '" + user + "'" + serverReply(failure)
                    + ": check settings 'username' and 'password'";
        }
        Optional<ConnectException> refused = causeOfType(failure, ConnectException.class);
        if (refused.isPresent()) {
            return "could not connect to " + server + ": " + refused.get().getMessage().toLowerCase(Locale.ROOT)
                    + "; check settings 'host' and 'port' and that the server is running";
        }
        if (causeOfType(failure, UnknownHostException.class).isPresent()) {
            return "could not connect to " + server + ": unknown host '" + settings.host() + "'; check setting 'host'";
        }
        if (causeOfType(failure, SocketTimeoutException.class).isPresent()) {
            return server + " did not answer within " + settings.timeout().toMillis() + " ms (setting 'timeout');"
                    + " check 'host', 'port' and 'security'";
        }
        Optional<SSLException> tls = causeOfType(failure, SSLException.class);
        if (tls.isPresent()) {
            return "TLS with " + server + " failed (" + tls.get().getMessage() + "): check setting 'security' (\"smtps\""
                    + " usually on port 465, \"starttls\" on 587); for a server with a self-signed certificate, add \""
                    + settings.host() + "\" to setting 'trust'";
        }
        String text = String.valueOf(failure.getMessage());
        if (text.contains("STARTTLS is required")) {
            return server + " does not offer STARTTLS, which security \"starttls\" requires: set security to"
                    + " \"smtps\" if it speaks TLS from the start, or to \"none\" only for a relay on a trusted network";
        }
        if (failure instanceof SendFailedException) {
            return server + " refused to deliver" + refusedAddresses((SendFailedException) failure)
                    + serverReply(failure) + ": check settings 'from' and 'to'";
        }
        return "sending e-mail through " + server + " failed: " + text;
    }

    private static String refusedAddresses(SendFailedException failure) {
        Address[] invalid = failure.getInvalidAddresses();
        Address[] unsent = failure.getValidUnsentAddresses();
        Address[] refused = invalid != null && invalid.length > 0 ? invalid : unsent;
        if (refused == null || refused.length == 0) {
            return "";
        }
        return " to " + Arrays.stream(refused).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String serverReply(MessagingException failure) {
        Throwable deepest = rootCause(failure);
        String reply = deepest.getMessage();
        return reply == null || reply.isBlank() ? "" : " (server said: " + reply.strip() + ")";
    }

    // The mail library wraps socket failures once or twice; the type of the wrapped failure says what went wrong.
    private static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
        Throwable current = failure;
        // Bounded: a cause chain longer than this is a cycle or a bug, and the outer failures say enough.
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && current != null; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && current.getCause() != null; depth++) {
            current = current.getCause();
        }
        return current;
    }
}
