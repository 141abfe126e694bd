package io.autoscalebot.plugin.celeryredis;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.time.Clock;
import java.util.Map;

/** A {@code celery-redis} measure created and set up the way the engine does it, torn down on close. */
final class OpenMeasure implements AutoCloseable {

    private final Measure measure;

    private OpenMeasure(Measure measure) {
        this.measure = measure;
    }

    /**
     * @param settings raw settings as configuration gives them
     * @param clock the engine's clock
     * @return the measure, set up
     */
    static OpenMeasure open(Map<String, ?> settings, Clock clock) throws Exception {
        CeleryRedisProvider provider = new CeleryRedisProvider();
        PluginContext context = TestContexts.plugin().group("worker").clock(clock).build();
        Measure measure = provider.create(TestSettings.resolve(provider, settings), context);
        measure.setup();
        return new OpenMeasure(measure);
    }

    /** @return one reading */
    Measurement measure() throws Exception {
        return measure.measure();
    }

    @Override
    public void close() throws Exception {
        measure.teardown();
    }
}
