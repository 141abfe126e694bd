package io.autoscalebot.plugin.email;

import com.icegreen.greenmail.util.ServerSetup;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the e-mail tests share: a fixed clock, a sample notification, and the provider's way to create a notifier. */
final class EmailFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String PASSWORD = "Pa55-w0rd!q7";

    private EmailFixtures() {
    }

    /**
     * @param protocol {@link ServerSetup#PROTOCOL_SMTP} or {@link ServerSetup#PROTOCOL_SMTPS}
     * @return a GreenMail server on a free loopback port, given time to start on a busy machine: its start is waited
     *     for, so a long bound costs nothing when the machine is quick
     */
    static ServerSetup loopback(String protocol) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
        setup.setServerStartupTimeout(Duration.ofSeconds(60).toMillis());
        return setup;
    }

    /** @return the settings a minimal configuration resolves to, with {@code extra} added or replacing */
    static Settings settings(Map<String, Object> extra) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("host", "127.0.0.1");
        raw.put("from", "Autoscalebot <bot@example.com>");
        raw.put("to", "ops@example.com");
        raw.putAll(extra);
        return TestSettings.resolve(new EmailNotifyProvider(), raw);
    }

    /** @return a notifier created the way the engine creates one */
    static Notify notifier(Map<String, Object> extra, Path stateDirectory) throws Exception {
        PluginContext context = TestContexts.plugin().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .stateDirectory(stateDirectory).build();
        return new EmailNotifyProvider().create(settings(extra), context);
    }

    /** @return the scale event the engine sends after scaling web from 2 to 3 */
    static Notification scaledWeb() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", "2");
        details.put("to", "3");
        details.put("reason", "3 of the last 3 measurements above 1200 ms");
        return TestContexts.notification().type(EventType.SCALE).time(NOW)
                .message("web: scaled 2 -> 3 (3 of the last 3 measurements above 1200 ms)").details(details).build();
    }
}
