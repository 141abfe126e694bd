package io.autoscalebot.plugin.heroku.api;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The settings every Heroku component shares, declared once, and the {@link HerokuConnection} they make.
 */
public final class HerokuSettings {

    /** The app's name. */
    public static final Setting APP = Setting.of("app", SettingType.STRING).asRequired().example("my-app")
            .doc("The Heroku app's name (as in `heroku apps`), or its id.");

    /** The API token. */
    public static final Setting TOKEN = Setting.of("token", SettingType.STRING).asRequired().asSecret()
            .doc("A Heroku API token allowed to operate the app; usually \"${HEROKU_API_KEY}\" (see"
                    + " `heroku authorizations:create`). Never shown.");

    /** The API's base URL. */
    public static final Setting API_URL = Setting.of("api_url", SettingType.URI)
            .defaultValue(URI.create("https://api.heroku.com"))
            .doc("The Heroku Platform API's base URL; change it only for a proxy or a test double.");

    /** The time one call has in all. */
    public static final Setting TIMEOUT = Setting.of("timeout", SettingType.DURATION)
            .defaultValue(Duration.ofSeconds(8)).atLeast(Duration.ofMillis(1))
            .doc("The longest time one call may take in all: every attempt, the backoff between retries and the wait"
                    + " to spare the API budget; a retry or wait that would run past it is not started, and the call"
                    + " fails saying what Heroku answered last. For heroku-service-time it bounds the whole"
                    + " measurement. Keep it below the group's `timeout` (default 10s), after which the engine"
                    + " interrupts the call.");

    /** How often to retry. */
    public static final Setting MAX_RETRIES = Setting.of("max_retries", SettingType.INTEGER).defaultValue(3).atLeast(0)
            .doc("How many times a call is retried, with exponential backoff (or Heroku's Retry-After), when Heroku"
                    + " answers 429 or 5xx or cannot be reached. Refusals (401, 403, 404, 422) are never retried.");

    /** The API tokens left to others. */
    public static final Setting RATE_LIMIT_RESERVE = Setting.of("rate_limit_reserve", SettingType.INTEGER)
            .defaultValue(100).atLeast(0).atMost(RateLimitBudget.ACCOUNT_LIMIT - 1)
            .doc("How many of the account's 4,500 hourly API requests to leave to deploys and people. Below it, calls"
                    + " are spaced out to the refill rate (one per 0.8 s), within `timeout`; a call that would need a"
                    + " longer wait fails the tick with a message saying how long to wait.");


    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private HerokuSettings() {
    }

    /**
     * Declares a component's settings: the connection's, with the component's own after the app, in the order docs
     * list them.
     *
     * @param extra the component's own settings
     * @return the whole schema
     */
    public static List<Setting> schema(Setting... extra) {
        List<Setting> schema = new ArrayList<>();
        schema.add(APP);
        schema.addAll(List.of(extra));
        schema.addAll(List.of(TOKEN, API_URL, TIMEOUT, MAX_RETRIES, RATE_LIMIT_RESERVE));
        return List.copyOf(schema);
    }

    /**
     * Checks the connection settings, for each component's {@code validate}: the app must be a Heroku app name.
     *
     * @param settings the component's settings, declared with {@link #schema}
     * @return the problems, at their keys
     */
    public static List<SettingProblem> problems(Settings settings) {
        String app = settings.string(APP.name());
        if (!APP_NAME.matcher(app).matches()) {
            return List.of(new SettingProblem(APP.name(), "setting 'app' must be a Heroku app name (lower case"
                    + " letters, digits and dashes, like my-app) or id, got '" + app + "'"));
        }
        return List.of();
    }

    /**
     * Builds the connection from settings {@link #problems} accepts.
     *
     * @param settings the component's settings, declared with {@link #schema}
     * @return the connection
     * @throws PluginException with the first problem, for a caller that skipped the engine's validation
     */
    public static HerokuConnection connection(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.get(0).message());
        }
        String app = settings.string(APP.name());
        return new HerokuConnection(settings.uri(API_URL.name()), app, settings.string(TOKEN.name()),
                settings.duration(TIMEOUT.name()), settings.integer(MAX_RETRIES.name()),
                settings.integer(RATE_LIMIT_RESERVE.name()));
    }
}
