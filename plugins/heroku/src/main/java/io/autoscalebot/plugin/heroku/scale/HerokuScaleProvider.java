package io.autoscalebot.plugin.heroku.scale;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.scale.ScaleProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.plugin.heroku.api.HerokuProvider;
import io.autoscalebot.plugin.heroku.api.HerokuSettings;
import io.autoscalebot.plugin.heroku.api.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code heroku} scale component: a Heroku process type's dyno count, through the Platform API.
 */
public final class HerokuScaleProvider extends HerokuProvider implements ScaleProvider {

    /** The process type to scale. */
    static final Setting PROCESS_TYPE = Setting.of("process_type", SettingType.STRING).defaultValue("web")
            .doc("The process type to scale, as named in the app's Procfile (`web`, `worker`, ...).");

    private static final Pattern PROCESS_TYPE_NAME = Pattern.compile("[-\\w]{1,128}");

    /** Creates the provider {@link java.util.ServiceLoader} finds. */
    public HerokuScaleProvider() {
        this(Sleeper.REAL);
    }

    /** @param sleeper how retries and rate-limit pacing wait; tests pass one that does not really wait */
    HerokuScaleProvider(Sleeper sleeper) {
        super(sleeper);
    }

    @Override
    public String id() {
        return "heroku";
    }

    @Override
    public String description() {
        return "Reads and sets the dyno count of a Heroku process type through the Platform API";
    }

    @Override
    public List<Setting> settings() {
        return HerokuSettings.schema(PROCESS_TYPE);
    }

    /** @return an app that is not a Heroku app name, or a process type that is not a process type name */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>(HerokuSettings.problems(settings));
        processTypeProblem(settings).ifPresent(problems::add);
        return problems;
    }

    @Override
    public Scale create(Settings settings, PluginContext context) throws PluginException {
        Optional<SettingProblem> problem = processTypeProblem(settings);
        if (problem.isPresent()) {
            throw new PluginException(problem.get().message());
        }
        return new HerokuScale(api(settings, context), settings.string(PROCESS_TYPE.name()), context.logger());
    }

    /** A process type names a path segment of the API's formation URL: it must not be able to leave it. */
    private static Optional<SettingProblem> processTypeProblem(Settings settings) {
        String processType = settings.string(PROCESS_TYPE.name());
        if (PROCESS_TYPE_NAME.matcher(processType).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SettingProblem(PROCESS_TYPE.name(), "setting 'process_type' must be a process type"
                + " name of letters, digits, '_' and '-' (like web or worker), got '" + processType + "'"));
    }
}
