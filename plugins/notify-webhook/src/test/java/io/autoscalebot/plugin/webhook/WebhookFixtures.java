package io.autoscalebot.plugin.webhook;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import io.autoscalebot.testkit.TestSettings;

/**
 * The one place tests make what the engine hands a plugin (its context, notifications), so a change to how those are
 * made is one edit; and notifiers created the way the engine creates them.
 */
final class WebhookFixtures {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00.250Z");

    private WebhookFixtures() {
    }

    /** @return the context of group {@code web} with that clock */
    static PluginContext context(Clock clock) {
        return io.autoscalebot.testkit.TestContexts.plugin().group("web").clock(clock).logger(System.getLogger("webhook-test")).stateDirectory(Path.of("target", "state")).build();
    }

    /** @return the settings raw values resolve to */
    static Settings settings(Map<String, ?> raw) throws Exception {
        return TestSettings.resolve(new WebhookNotifyProvider().settings(), raw);
    }

    /** @return a notifier that waits between tries in virtual time */
    static Notify notifier(Map<String, ?> raw, VirtualTime time) throws Exception {
        return new WebhookNotifyProvider().create(settings(raw), context(time), time);
    }

    /** @return a notifier on the system clock that really sleeps, as the engine creates it */
    static Notify notifier(Map<String, ?> raw) throws Exception {
        return new WebhookNotifyProvider().create(settings(raw), context(Clock.systemUTC()));
    }

    /** @return the scale event the engine sends after scaling web from 2 to 3 */
    static Notification scaled() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", "2");
        details.put("to", "3");
        details.put("reason", "3 of the last 3 measurements above 1200 ms");
        return notification(EventType.SCALE, Notification.Phase.EVENT,
                "web: scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)", details);
    }

    /** @return a notification of any kind */
    static Notification notification(EventType type, Notification.Phase phase, String message,
                                     Map<String, String> details) {
        return io.autoscalebot.testkit.TestContexts.notification().type(type).group("web").time(NOW).phase(phase)
                .message(message).details(details).build();
    }
}
