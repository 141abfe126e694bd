package io.autoscalebot.api.lease;

import io.autoscalebot.api.Api;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;

/**
 * Offers a {@link Lease} to {@link java.util.ServiceLoader}: {@code provides LeaseProvider with YourProvider;}. The
 * engine creates one instance per process, for the {@code [leader]} section, not one per group: the context's
 * {@link io.autoscalebot.api.PluginContext#group() group} is {@code "leader"}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "1.0")
public interface LeaseProvider extends PluginProvider<Lease> {

    /** @return {@link Kind#LEASE} */
    @Override
    default Kind kind() {
        return Kind.LEASE;
    }
}
