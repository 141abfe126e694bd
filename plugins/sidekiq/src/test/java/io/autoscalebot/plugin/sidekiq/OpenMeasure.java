package io.autoscalebot.plugin.sidekiq;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.Settings;
import java.time.Clock;
import java.util.Map;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

/** A {@code sidekiq} measure created and set up the way the engine does it, torn down on close. */
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
        SidekiqProvider provider = new SidekiqProvider();
        Measure measure = provider.create(TestSettings.resolve(provider.settings(), settings), TestContexts.plugin().group("worker").clock(clock).build());
        measure.setup();
        return new OpenMeasure(measure);
    }

    /** @return one reading of a measure opened, read and closed */
    static Measurement once(Map<String, ?> settings, Clock clock) throws Exception {
        try (OpenMeasure measure = open(settings, clock)) {
            return measure.measure();
        }
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
