package io.autoscalebot.plugin.heroku.measure;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.heroku.api.HerokuProvider;
import io.autoscalebot.plugin.heroku.api.HerokuSettings;
import io.autoscalebot.plugin.heroku.api.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The {@code heroku-service-time} measure component: the router's service time of a request to the app, in ms.
 */
public final class HerokuServiceTimeProvider extends HerokuProvider implements MeasureProvider {

    /** The URL to request. */
    static final Setting URL = Setting.of("url", SettingType.URI).asRequired()
            .example(URI.create("https://my-app.herokuapp.com/health"))
            .doc("The URL to request each tick, served by the app (like https://my-app.herokuapp.com/health); its"
                    + " router log line gives the measurement.");

    /** The wait for the router line. */
    static final Setting LOG_TIMEOUT = Setting.of("log_timeout", SettingType.DURATION)
            .defaultValue(Duration.ofSeconds(6))
            .doc("The longest wait, after the request answered, for its router line in the app's log; the"
                    + " measurement fails when it does not arrive. The wait also ends when `timeout`, which bounds the"
                    + " whole measurement (log session, request and this wait), runs out: the defaults, 6s within 8s,"
                    + " fit in the group's default timeout of 10s.");

    /** Creates the provider {@link java.util.ServiceLoader} finds. */
    public HerokuServiceTimeProvider() {
        this(Sleeper.REAL);
    }

    /** @param sleeper how retries and rate-limit pacing wait; tests pass one that does not really wait */
    HerokuServiceTimeProvider(Sleeper sleeper) {
        super(sleeper);
    }

    @Override
    public String id() {
        return "heroku-service-time";
    }

    @Override
    public String description() {
        return "Times a request to a Heroku app as its router logs it (service=NNNms), in ms";
    }

    @Override
    public List<Setting> settings() {
        return HerokuSettings.schema(URL, LOG_TIMEOUT);
    }

    /** @return an app that is not a Heroku app name */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return HerokuSettings.problems(settings);
    }

    /** @return {@link ValueRange#TIME}: a service time is never negative */
    @Override
    public ValueRange valueRange(Settings settings) {
        return ValueRange.TIME;
    }

    @Override
    public Measure create(Settings settings, PluginContext context) throws PluginException {
        return new HerokuServiceTime(api(settings, context), settings.uri(URL.name()),
                settings.duration(LOG_TIMEOUT.name()), context.clock());
    }
}
