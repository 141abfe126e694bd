/**
 * The {@code webhook} notifier: POSTs each notification as JSON, with a Slack-compatible {@code text}, over
 * {@code java.net.http}.
 */
module io.autoscalebot.plugin.webhook {
    requires io.autoscalebot.api;
    requires java.net.http;
    // Provided by the platform to every plugin layer: the body is JSON.
    requires com.fasterxml.jackson.databind;

    provides io.autoscalebot.api.notify.NotifyProvider with io.autoscalebot.plugin.webhook.WebhookNotifyProvider;
}
