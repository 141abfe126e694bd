package io.autoscalebot.api.scale;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;

/**
 * Offers a {@link Scale} to {@link java.util.ServiceLoader}: {@code provides ScaleProvider with YourProvider;}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface ScaleProvider extends PluginProvider<Scale> {

    /** @return {@link Kind#SCALE} */
    @Override
    default Kind kind() {
        return Kind.SCALE;
    }
}
