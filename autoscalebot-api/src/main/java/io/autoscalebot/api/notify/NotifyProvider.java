package io.autoscalebot.api.notify;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;

/**
 * Offers a {@link Notify} to {@link java.util.ServiceLoader}: {@code provides NotifyProvider with YourProvider;}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface NotifyProvider extends PluginProvider<Notify> {

    /** @return {@link Kind#NOTIFY} */
    @Override
    default Kind kind() {
        return Kind.NOTIFY;
    }
}
