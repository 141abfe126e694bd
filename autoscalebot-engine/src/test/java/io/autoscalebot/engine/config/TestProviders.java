package io.autoscalebot.engine.config;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Small providers with declared settings, one of each kind, so configuration can be validated without real plugins.
 * Configuration never creates instances, so {@code create} is never called.
 */
final class TestProviders {

    private TestProviders() {
    }

    /** The id, description and settings every test provider declares. */
    private abstract static class Declared {
        private final String id;
        private final String description;
        private final List<Setting> settings;

        Declared(String id, String description, Setting... settings) {
            this.id = id;
            this.description = description;
            this.settings = List.of(settings);
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        public List<Setting> settings() {
            return settings;
        }
    }

    /** A measure with a required URI, a bounded duration, a secret token, a choice, a bounded integer and a list. */
    static final class ResponseTime extends Declared implements MeasureProvider {
        ResponseTime() {
            super("response-time", "Times a GET of a URL.",
                    Setting.of("url", SettingType.URI).asRequired().doc("The URL to time a GET of."),
                    Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
                            .atLeast(Duration.ofMillis(100)).atMost(Duration.ofMinutes(1))
                            .doc("How long to wait for the response."),
                    Setting.of("token", SettingType.STRING).asSecret().doc("Bearer token sent with the request."),
                    Setting.of("method", SettingType.STRING).defaultValue("GET").choices("GET", "HEAD")
                            .doc("The HTTP method."),
                    Setting.of("samples", SettingType.INTEGER).defaultValue(3).atLeast(1).atMost(10)
                            .doc("Requests timed per measurement."),
                    Setting.of("headers", SettingType.STRING_LIST).defaultValue(List.of("Accept: */*"))
                            .doc("Extra request headers."));
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            return neverCreated();
        }
    }

    /** A decide with integer, boolean, number and list-of-integers settings. */
    static final class ConsecutiveThreshold extends Declared implements DecideProvider {
        ConsecutiveThreshold() {
            super("consecutive-threshold", "Scales after several measurements past a threshold.",
                    Setting.of("count", SettingType.INTEGER).defaultValue(3).doc("Measurements in a row."),
                    Setting.of("enabled", SettingType.BOOLEAN).defaultValue(true).doc("Whether to scale at all."),
                    Setting.of("ratio", SettingType.NUMBER).defaultValue(1.5).atLeast(1).atMost(2.5)
                            .doc("Scale-up ratio."),
                    Setting.of("steps", SettingType.INTEGER_LIST).defaultValue(List.of(1, 2, 4)).atLeast(1)
                            .doc("Processes added by each successive scale-up."));
        }

        @Override
        public Decide create(Settings settings, PluginContext context) {
            return neverCreated();
        }
    }

    /** A scale with no settings. */
    static final class Local extends Declared implements ScaleProvider {
        Local() {
            super("local", "Runs processes on this machine.");
        }

        @Override
        public Scale create(Settings settings, PluginContext context) {
            return neverCreated();
        }
    }

    /** A notify with a required secret URL. */
    static final class Webhook extends Declared implements NotifyProvider {
        Webhook() {
            super("webhook", "Posts each notification to a URL.", Setting.of("url", SettingType.URI).asRequired()
                    .asSecret().doc("The webhook URL; it holds a token, so it is secret."));
        }

        @Override
        public Notify create(Settings settings, PluginContext context) {
            return neverCreated();
        }
    }

    /** A notify with no settings. */
    static final class Console extends Declared implements NotifyProvider {
        Console() {
            super("console", "Prints notifications.");
        }

        @Override
        public Notify create(Settings settings, PluginContext context) {
            return neverCreated();
        }
    }

    /**
     * A measure whose {@code validate} checks that min_value is at most max_value, quotes its secret token when it
     * holds "bad", and misbehaves as {@code mode} says: throws, hangs, or answers null.
     */
    static final class Gauge extends Declared implements MeasureProvider {
        Gauge() {
            super("gauge", "Reads a gauge between two values.",
                    Setting.of("min_value", SettingType.NUMBER).defaultValue(0.0).doc("The lowest reading."),
                    Setting.of("max_value", SettingType.NUMBER).defaultValue(100.0).doc("The highest reading."),
                    Setting.of("token", SettingType.STRING).asSecret().doc("The gauge's token."),
                    Setting.of("mode", SettingType.STRING).defaultValue("fine").choices("fine", "throw", "hang", "null")
                            .doc("How validate behaves."));
        }

        @Override
        public List<SettingProblem> validate(Settings settings) {
            switch (settings.string("mode")) {
                case "throw":
                    throw new IllegalStateException("boom");
                case "hang":
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                case "null":
                    return null;
                default:
                    break;
            }
            List<SettingProblem> problems = new ArrayList<>();
            if (settings.number("min_value") > settings.number("max_value")) {
                problems.add(new SettingProblem("min_value", "min_value (" + settings.number("min_value")
                        + ") is above max_value (" + settings.number("max_value") + "); lower min_value"));
            }
            settings.optionalString("token").filter(token -> token.contains("bad")).ifPresent(token -> problems.add(
                    new SettingProblem("token", "token '" + token + "' is not a gauge token")));
            return problems;
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            return neverCreated();
        }
    }

    /** @return a catalog with the gauge, whose validate has its own checks, beside the scale and decide it needs */
    static PluginCatalog catalogWithGauge() {
        return PluginCatalog.of(new Gauge(), new ConsecutiveThreshold(), new Local());
    }

    /** @return a catalog with every test provider loaded */
    static PluginCatalog catalog() {
        return PluginCatalog.of(new ResponseTime(), new ConsecutiveThreshold(), new Local(), new Webhook(), new Console());
    }

    /** @return the test catalog plus a plugin {@code prometheus} that failed to load */
    static PluginCatalog catalogWithBrokenPrometheus() {
        List<PluginInfo> plugins = new ArrayList<>(catalog().plugins());
        plugins.add(new PluginInfo("prometheus", "1.2.0", "[1.0,2.0)", null, PluginInfo.Status.INCOMPATIBLE,
                "plugins/prometheus needs API [2.0,3.0), this engine has 1.0: install an older version", List.of()));
        return new PluginCatalog(plugins);
    }

    private static <T> T neverCreated() {
        throw new UnsupportedOperationException("configuration tests never create plugins");
    }
}
