package io.autoscalebot.plugin.responsetime;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The {@code response-time} measure: how many milliseconds a GET of {@code url} takes.
 */
public final class ResponseTimeProvider implements MeasureProvider {

    static final Setting URL = Setting.of("url", SettingType.URI).asRequired()
            .doc("The http or https URL to time a GET of, like \"https://myapp.example.com/health\". Best a page that "
                    + "exercises what gets slow under load (database, cache). Credentials written as "
                    + "https://user:password@host/ are sent as HTTP Basic authentication and never shown in messages. "
                    + "Redirects are not followed: a redirect is reported as its status.");
    static final Setting TIMEOUT = Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
            .atLeast(Duration.ofMillis(1))
            .doc("How long to wait for the connection and the whole response, body included, before giving up, like "
                    + "\"5s\". Keep it shorter than the group's timeout (default 10s), which bounds every plugin call: "
                    + "otherwise the engine abandons a slow request before it is measured, and a hung app is never "
                    + "counted as slow.");
    static final Setting EXPECTED_STATUS = Setting.of("expected_status", SettingType.INTEGER).defaultValue(200)
            .atLeast(100).atMost(599)
            .doc("The HTTP status a healthy response has; any other status is a failed request.");
    static final Setting ON_FAILURE = Setting.of("on_failure", SettingType.STRING).defaultValue(OnFailure.SLOW.label())
            .choices(OnFailure.SLOW.label(), OnFailure.FAIL.label())
            .doc("What a failed request (refused, timed out, unexpected status) counts as. \"slow\": a measurement "
                    + "of the timeout in ms, so a struggling app scales up (the original autoscalebot's behaviour); "
                    + "the reason is logged as a warning. \"fail\": a failed measurement, so deciders hold and a "
                    + "measurement_failed notification is sent.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ResponseTimeProvider() {
    }

    @Override
    public String id() {
        return "response-time";
    }

    @Override
    public String description() {
        return "Times a GET of a URL, in milliseconds.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(URL, TIMEOUT, EXPECTED_STATUS, ON_FAILURE);
    }

    /** @return a url that is not http or https, or has no host */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        try {
            Target.of(settings.uri(URL.name()));
            return List.of();
        } catch (PluginException e) {
            return List.of(new SettingProblem(URL.name(), e.getMessage()));
        }
    }

    /** @return {@link ValueRange#TIME}: a response time is never negative */
    @Override
    public ValueRange valueRange(Settings settings) {
        return ValueRange.TIME;
    }

    @Override
    public Measure create(Settings settings, PluginContext context) throws Exception {
        Target target = Target.of(settings.uri(URL.name()));
        return new ResponseTimeMeasure(target, settings.duration(TIMEOUT.name()), settings.integer(EXPECTED_STATUS.name()),
                OnFailure.of(settings.string(ON_FAILURE.name())), context);
    }
}
