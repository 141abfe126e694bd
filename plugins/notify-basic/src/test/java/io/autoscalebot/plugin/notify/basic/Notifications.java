package io.autoscalebot.plugin.notify.basic;

import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Notifications as the engine sends them, and notifiers created the way the engine creates them. */
public final class Notifications {

    /** When every sample notification happened. */
    public static final Instant TIME = Instant.parse("2026-11-29T18:00:00.250Z");

    private Notifications() {
    }

    /** @return a scale of web from 2 to 3, with its details */
    public static Notification scaled() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", "2");
        details.put("to", "3");
        details.put("reason", "3 of the last 3 measurements above 1200 ms (1340, 1502, 1290)");
        return TestContexts.notification().type(EventType.SCALE).time(TIME)
                .message("scaled 2 -> 3: 3 of the last 3 measurements above 1200 ms (1340, 1502, 1290)")
                .details(details).build();
    }

    /** @return a notification with no details */
    public static Notification of(EventType type, Notification.Phase phase, String message) {
        return TestContexts.notification().type(type).time(TIME).phase(phase).message(message).build();
    }

    /** @return a notifier from the provider with the raw settings */
    public static Notify create(PluginProvider<? extends Notify> provider, Map<String, ?> raw) throws Exception {
        return provider.create(TestSettings.resolve(provider, raw),
                TestContexts.plugin().clock(Clock.fixed(TIME, ZoneOffset.UTC)).build());
    }
}
