package io.autoscalebot.plugin.sidekiq;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code sidekiq} measure: how many jobs wait in Sidekiq queues, or how long the oldest has waited (Sidekiq's
 * queue latency), read from Sidekiq's Redis.
 */
public final class SidekiqProvider implements MeasureProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "sidekiq";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SidekiqProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Measures Sidekiq queues in Redis: the jobs waiting, or how long the oldest has waited (latency)";
    }

    @Override
    public List<Setting> settings() {
        return SidekiqConfig.SCHEMA;
    }

    /**
     * Every check that needs no connection: the URL's form and port, the queue names, the namespace, the timeout.
     *
     * @param settings settings resolved against {@link #settings()}
     * @return what is wrong, by setting; empty when nothing is
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return SidekiqConfig.problems(settings);
    }

    /** @return {@link ValueRange#COUNT} for waiting jobs, {@link ValueRange#TIME} for the latency */
    @Override
    public ValueRange valueRange(Settings settings) {
        return Report.fromLabel(settings.string(SidekiqConfig.REPORT)) == Report.SIZE
                ? ValueRange.COUNT : ValueRange.TIME;
    }

    /**
     * @throws PluginException listing what {@link #validate} finds wrong
     */
    @Override
    public Measure create(Settings settings, PluginContext context) throws PluginException {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        return new SidekiqMeasure(SidekiqConfig.from(settings), context.clock());
    }
}
