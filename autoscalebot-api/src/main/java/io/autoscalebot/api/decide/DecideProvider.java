package io.autoscalebot.api.decide;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;

/**
 * Offers a {@link Decide} to {@link java.util.ServiceLoader}: {@code provides DecideProvider with YourProvider;}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface DecideProvider extends PluginProvider<Decide> {

    /** @return {@link Kind#DECIDE} */
    @Override
    default Kind kind() {
        return Kind.DECIDE;
    }
}
