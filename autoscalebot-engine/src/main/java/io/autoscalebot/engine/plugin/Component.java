package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One provider a plugin offers ({@code response-time} of kind measure), with the plugin it came from.
 *
 * @param provider the provider found by {@link java.util.ServiceLoader}
 * @param pluginId the id of the plugin (jar) it came from
 * @param loader the class loader to set as the thread context class loader around every call into the component
 */
public record Component(PluginProvider<?> provider, String pluginId, ClassLoader loader) {

    /** Checks the parts. */
    public Component {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(loader, "loader");
    }

    /** @return a component for a provider on the engine's own loader (tests, built-ins) */
    public static Component builtIn(PluginProvider<?> provider) {
        return new Component(provider, provider.id(), provider.getClass().getClassLoader());
    }

    /** @return the provider's id */
    public String id() {
        return provider.id();
    }

    /** @return the provider's kind */
    public Kind kind() {
        return provider.kind();
    }

    /**
     * Calls into the component (its provider, or an instance it created) with the component's class loader as the
     * thread context class loader, as the API promises plugins: libraries that look up classes or services through
     * the context loader (JDBC drivers, JAXB, mail providers) then find the plugin's own. The previous context loader
     * is restored afterwards, also when the call throws.
     *
     * @param action the call, like {@code () -> provider.create(settings, context)}
     * @param <T> what the call returns
     * @return what the call returned
     * @throws Exception what the call threw, unchanged
     */
    public <T> T call(Callable<T> action) throws Exception {
        return ContextLoader.call(loader, action);
    }
}
