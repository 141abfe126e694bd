package io.autoscalebot.plugin.celeryredis;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * The {@code celery-redis} measure: how many tasks wait in Celery queues on a Redis broker, or how long the oldest has
 * waited.
 */
public final class CeleryRedisProvider implements MeasureProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "celery-redis";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public CeleryRedisProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Counts the tasks waiting in Celery queues on a Redis broker (every priority list), or the age of the "
                + "oldest";
    }

    @Override
    public List<Setting> settings() {
        return CeleryRedisConfig.SCHEMA;
    }

    /** @return a malformed URL, no queue, or include_unacked with report = "oldest_age" */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return CeleryRedisConfig.problems(settings);
    }

    /** @return {@link ValueRange#COUNT} for waiting tasks, {@link ValueRange#TIME} for the oldest's age */
    @Override
    public ValueRange valueRange(Settings settings) {
        return Report.fromLabel(settings.string(CeleryRedisConfig.REPORT)) == Report.COUNT
                ? ValueRange.COUNT : ValueRange.TIME;
    }

    @Override
    public Measure create(Settings settings, PluginContext context) throws Exception {
        return new CeleryRedisMeasure(CeleryRedisConfig.from(settings), context.clock());
    }
}
