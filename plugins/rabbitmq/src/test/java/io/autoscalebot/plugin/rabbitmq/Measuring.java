package io.autoscalebot.plugin.rabbitmq;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.Settings;
import java.time.Clock;
import java.util.Map;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

/** Takes readings the way the engine does: settings resolved against the schema, created, set up, torn down. */
final class Measuring {

    private Measuring() {
    }

    /**
     * @param settings raw settings as configuration gives them
     * @return one reading
     */
    static Measurement once(Map<String, ?> settings) throws Exception {
        RabbitMqProvider provider = new RabbitMqProvider();
        Measure measure = provider.create(TestSettings.resolve(provider.settings(), settings),
                TestContexts.plugin().group("worker").clock(Clock.systemUTC()).build());
        try {
            measure.setup();
            return measure.measure();
        } finally {
            measure.teardown();
        }
    }
}
