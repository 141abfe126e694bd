package io.autoscalebot.plugin.email;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends each notification as one e-mail to every recipient, on a new SMTP connection.
 *
 * <p>A connection per notification keeps nothing open between the rare events a notifier sees, so a server that
 * restarted in between costs nothing.
 */
final class EmailNotify implements Notify {

    private final EmailSettings settings;
    private final Clock clock;

    /**
     * @param settings the checked settings
     * @param clock the engine's clock, for the e-mail's date
     */
    EmailNotify(EmailSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the notification.
     *
     * @throws PluginException saying why the server could not be reached or refused the e-mail; never with the password
     */
    @Override
    public void notify(Notification notification) throws PluginException {
        MailContent content = MailContent.of(notification, settings.subjectPrefix());
        // Jakarta Mail finds its transport and stream providers through the context class loader. In a plugin layer
        // only this module's loader sees the Angus providers that ship beside it, whatever loader the caller has set.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailNotify.class.getClassLoader());
        try {
            send(content);
        } catch (MessagingException e) {
            throw SmtpFailure.explain(e, settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Jakarta Mail connects without logging in, and says nothing, when the server offers no AUTH: an e-mail the user
     * meant to send as {@code username} would go out anonymously, or be relayed by a server that should not. Refuse.
     */
    private void refuseWithoutLogin(Transport transport, Credentials login) throws PluginException {
        if (transport instanceof SMTPTransport smtp && !smtp.supportsExtension("AUTH")
                && !smtp.supportsExtension("AUTH=LOGIN")) {
            throw new PluginException("SMTP server " + settings.host() + ":" + settings.port() + " offers no login "
                    + "(no AUTH), but setting 'username' is set (\"" + login.username() + "\"): not sending without "
                    + "logging in. Use the server's submission port (587 with security \"starttls\", 465 with "
                    + "\"smtps\"), or remove 'username' and 'password' if this server needs no login");
        }
    }

    private void send(MailContent content) throws MessagingException, PluginException {
        Session session = Session.getInstance(SmtpProperties.of(settings));
        MimeMessage message = new MimeMessage(session);
        message.setFrom(settings.from());
        message.setRecipients(Message.RecipientType.TO, settings.to().toArray(new InternetAddress[0]));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setText(content.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        try (Transport transport = session.getTransport(settings.security().protocol())) {
            if (settings.credentials().isPresent()) {
                Credentials login = settings.credentials().get();
                transport.connect(settings.host(), settings.port(), login.username(), login.password());
                refuseWithoutLogin(transport, login);
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
