package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.settings.Settings;

/**
 * Offers a {@link Measure} to {@link java.util.ServiceLoader}: {@code provides MeasureProvider with YourProvider;}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface MeasureProvider extends PluginProvider<Measure> {

    /** @return {@link Kind#MEASURE} */
    @Override
    default Kind kind() {
        return Kind.MEASURE;
    }

    /**
     * The values this measure's readings can validly take with these settings: {@link ValueRange#TIME} for a
     * response time, {@link ValueRange#COUNT} for a queue length. The engine fails a reading outside it, as it fails a
     * reading the plugin could not take, so declare the narrowest range that every real reading fits. Cheap and free of
     * side effects, like {@link #validate}.
     *
     * @param settings the component's settings, resolved and validated
     * @return the valid range; {@link ValueRange#ANY} (any finite number) by default
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    default ValueRange valueRange(Settings settings) {
        return ValueRange.ANY;
    }
}
