package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * The {@code prometheus} measure: the value of an instant PromQL query, from Prometheus's HTTP API.
 */
public final class PrometheusProvider implements MeasureProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "prometheus";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public PrometheusProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "The value of an instant PromQL query (one series, a finite number) from Prometheus's HTTP API";
    }

    @Override
    public List<Setting> settings() {
        return PrometheusConfig.SCHEMA;
    }

    /**
     * Every check of the settings that needs no network: the URL's form, the query, the credentials, the CA file.
     *
     * @param settings settings resolved against {@link #settings()}
     * @return what is wrong, empty when nothing is
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return PrometheusConfig.problems(settings);
    }

    /**
     * @return {@link ValueRange#ANY}: a PromQL result may validly be negative ({@code deriv()}, a difference), so only a
     *     non-finite one is refused (the measure already fails on NaN and Inf)
     */
    @Override
    public ValueRange valueRange(Settings settings) {
        return ValueRange.ANY;
    }

    /**
     * @throws io.autoscalebot.api.PluginException if {@link #validate} finds a problem
     */
    @Override
    public Measure create(Settings settings, PluginContext context) throws Exception {
        PrometheusConfig config = PrometheusConfig.from(settings);
        return new PrometheusMeasure(config, new QueryApi(config), context.clock(), context.logger());
    }
}
