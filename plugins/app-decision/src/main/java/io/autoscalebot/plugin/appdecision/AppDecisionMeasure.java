package io.autoscalebot.plugin.appdecision;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Asks the app: one GET per measurement, read as a value or as an instruction.
 */
final class AppDecisionMeasure implements Measure {

    private final AppEndpoint endpoint;
    private final Reading reading;
    private final Clock clock;

    /**
     * @param endpoint where to ask
     * @param reading how to read the answer
     * @param clock the engine's clock, for the measurement's time
     */
    AppDecisionMeasure(AppEndpoint endpoint, Reading reading, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.reading = Objects.requireNonNull(reading, "reading");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the value or instruction, or a failed measurement saying why the app's answer could not be read; an
     *     unreachable or misbehaving app is an expected failure, so this never throws for it
     */
    @Override
    public Measurement measure() {
        Instant now = clock.instant();
        JsonNode document;
        try {
            document = endpoint.fetch();
        } catch (PluginException e) {
            return Measurement.failed(now, e.getMessage());
        }
        Measurement measurement = reading.read(document, now);
        return measurement.succeeded() ? measurement
                : Measurement.failed(now, endpoint.display() + ": " + measurement.failure());
    }

    @Override
    public void teardown() throws Exception {
        endpoint.close();
    }
}
