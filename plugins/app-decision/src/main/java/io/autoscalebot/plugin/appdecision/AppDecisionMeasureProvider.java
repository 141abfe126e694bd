package io.autoscalebot.plugin.appdecision;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.appdecision.json.JsonException;
import io.autoscalebot.plugin.appdecision.json.Pointers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Offers the {@code app-decision} measure: the app itself says how loaded it is, or what to do.
 */
public final class AppDecisionMeasureProvider implements MeasureProvider {

    /** The id users write in {@code autoscale.toml}, shared with {@link AppDecisionDecideProvider}. */
    public static final String ID = "app-decision";

    private static final String VALUE = "value";
    private static final String INSTRUCTION = "instruction";

    private static final List<Setting> SETTINGS = List.of(
            Setting.of("url", SettingType.URI).asRequired().example(URI.create("https://app.example.com/autoscale"))
                    .doc("The app's URL that answers a GET with JSON, like \"https://app.example.com/autoscale\"."),
            Setting.of("mode", SettingType.STRING).defaultValue(VALUE).choices(VALUE, INSTRUCTION)
                    .doc("\"value\": the answer holds a number (a queue depth, a load) at 'pointer', decided on like"
                            + " any measurement. \"instruction\": the answer holds an instruction per group, like"
                            + " {\"web\": \"up\", \"worker\": 3}, to pair with decide = \"app-decision\"."),
            Setting.of("pointer", SettingType.STRING).example("/queue/depth")
                    .doc("Mode \"value\" only, and required there: the JSON Pointer (RFC 6901) to the number, like"
                            + " \"/queue/depth\"; write ~1 for a '/' and ~0 for a '~' inside a name."),
            Setting.of("unit", SettingType.STRING).defaultValue("")
                    .doc("Mode \"value\" only: the unit of the number, shown in notifications, like \"jobs\"."),
            Setting.of("key", SettingType.STRING)
                    .doc("Mode \"instruction\" only: the key that holds this group's instruction (\"up\", \"down\","
                            + " \"steady\" or a process count); the group's name by default."),
            Setting.of("token", SettingType.STRING).asSecret()
                    .doc("A token sent as \"Authorization: Bearer <token>\", for an endpoint that needs a login."
                            + " Never shown."),
            Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
                    .atLeast(Duration.ofMillis(1))
                    .doc("How long the whole request may take, from connecting to the last byte of the answer; a"
                            + " slower answer is a failed measurement. Keep it below the group's timeout (default"
                            + " 10s), or the engine cuts the call off first and its reason is lost."));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Asks the app over HTTP for a number to measure, or for a direct up/down/steady/count instruction.";
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    /**
     * @return a url that is not http(s) or has no host; a setting of the other mode; no pointer, or one that is not a
     *     JSON Pointer, in mode "value"
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        URI url = settings.uri("url");
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(new SettingProblem("url", "setting 'url' must be an http or https URL, got scheme \""
                    + scheme + "\""));
        } else if (url.getHost() == null) {
            problems.add(new SettingProblem("url", "setting 'url' has no host name; write it like"
                    + " \"https://app.example.com/autoscale\""));
        }
        String mode = settings.string("mode");
        boolean valueMode = mode.equals(VALUE);
        for (String name : valueMode ? List.of("key") : List.of("pointer")) {
            if (settings.has(name)) {
                problems.add(new SettingProblem(name, "setting '" + name + "' does not apply in mode \"" + mode
                        + "\": remove it, or set mode to \"" + (valueMode ? INSTRUCTION : VALUE) + "\""));
            }
        }
        if (valueMode && !settings.has("pointer")) {
            problems.add(new SettingProblem("pointer", "mode \"value\" needs setting 'pointer': the JSON Pointer to"
                    + " the number in the app's answer, like \"/queue/depth\""));
        } else if (valueMode) {
            try {
                Pointers.parse(settings.string("pointer"));
            } catch (JsonException e) {
                problems.add(new SettingProblem("pointer", "setting 'pointer': " + e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * @return {@link ValueRange#ANY}: the app's number means what the app says (a balance may be negative); an
     *     instruction carries no value
     */
    @Override
    public ValueRange valueRange(Settings settings) {
        return ValueRange.ANY;
    }

    @Override
    public Measure create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            // The engine refuses such settings before creating anything; a direct caller gets the first problem.
            throw new PluginException(problems.get(0).message());
        }
        Duration timeout = settings.duration("timeout");
        AppEndpoint endpoint = new AppEndpoint(settings.uri("url"), timeout, settings.optionalString("token"));
        return new AppDecisionMeasure(endpoint, reading(settings, context.group()), context.clock());
    }

    /** @return how to read the app's answer, from settings {@link #validate} accepts */
    private static Reading reading(Settings settings, String group) throws PluginException {
        if (!settings.string("mode").equals(VALUE)) {
            return new Reading.Instructed(settings.optionalString("key").orElse(group));
        }
        try {
            return new Reading.Value(Pointers.parse(settings.string("pointer")), settings.string("unit"));
        } catch (JsonException e) {
            throw new PluginException("setting 'pointer': " + e.getMessage(), e);
        }
    }
}
