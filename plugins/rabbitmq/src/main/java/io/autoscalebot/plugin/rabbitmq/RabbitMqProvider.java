package io.autoscalebot.plugin.rabbitmq;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.util.List;

/**
 * The {@code rabbitmq} measure: how many messages wait in RabbitMQ queues, read from the management plugin's HTTP API.
 */
public final class RabbitMqProvider implements MeasureProvider {

    /** The id users write in {@code autoscale.toml}. */
    public static final String ID = "rabbitmq";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public RabbitMqProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Counts the messages waiting in RabbitMQ queues (ready, optionally unacknowledged, or per consumer) "
                + "through the management plugin's HTTP API, sampled by RabbitMQ every 5s";
    }

    @Override
    public List<Setting> settings() {
        return RabbitMqConfig.SCHEMA;
    }

    /**
     * Every check of the settings that needs no network: the URL's form, the vhost and queue names, the CA file.
     *
     * @param settings settings resolved against {@link #settings()}
     * @return what is wrong, empty when nothing is
     */
    @Override
    public List<SettingProblem> validate(Settings settings) {
        return RabbitMqConfig.problems(settings);
    }

    /**
     * @return {@link ValueRange#COUNT}: messages, or messages per consumer, which is never more than the messages
     */
    @Override
    public ValueRange valueRange(Settings settings) {
        return ValueRange.COUNT;
    }

    /**
     * @throws io.autoscalebot.api.PluginException if {@link #validate} finds a problem
     */
    @Override
    public Measure create(Settings settings, PluginContext context) throws Exception {
        RabbitMqConfig config = RabbitMqConfig.from(settings);
        return new RabbitMqMeasure(config, new ManagementApi(config), context.clock());
    }
}
