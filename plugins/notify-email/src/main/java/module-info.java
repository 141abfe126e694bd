/**
 * The {@code email} notifier: sends each notification as an e-mail over SMTP with Angus Mail.
 *
 * <p>Jakarta Mail finds its SMTP transport and stream provider with {@link java.util.ServiceLoader} through the thread
 * context class loader; the notifier points that loader at this module's own loader around every send, so the
 * {@code org.eclipse.angus.mail} providers in the plugin's layer are found however the engine loaded the plugin.
 */
module io.autoscalebot.plugin.email {
    requires io.autoscalebot.api;
    requires jakarta.mail;
    // Its SMTPTransport says whether the server offers AUTH, which the Jakarta Mail API cannot.
    requires org.eclipse.angus.mail;

    provides io.autoscalebot.api.notify.NotifyProvider with io.autoscalebot.plugin.email.EmailNotifyProvider;
}
