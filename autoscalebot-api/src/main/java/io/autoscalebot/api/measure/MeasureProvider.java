package io.autoscalebot.api.measure;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;

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
}
