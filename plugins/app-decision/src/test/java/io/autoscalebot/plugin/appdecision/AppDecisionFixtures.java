package io.autoscalebot.plugin.appdecision;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates app-decision measures the way the engine does, for group {@code web} at a fixed time. */
final class AppDecisionFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private AppDecisionFixtures() {
    }

    static PluginContext context(String group) {
        return TestContexts.plugin().group(group).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    static Measure measure(AppServer app, Map<String, Object> settings) throws Exception {
        return measure(app, settings, "web");
    }

    static Measure measure(AppServer app, Map<String, Object> settings, String group) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("url", app.url().toString());
        raw.putAll(settings);
        AppDecisionMeasureProvider provider = new AppDecisionMeasureProvider();
        return provider.create(TestSettings.resolve(provider, raw), context(group));
    }
}
