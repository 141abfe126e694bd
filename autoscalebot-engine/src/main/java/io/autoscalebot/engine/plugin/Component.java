package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;
import io.autoscalebot.api.settings.Setting;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One provider a plugin offers ({@code response-time} of kind measure), with the plugin it came from and what the
 * provider said about itself when it was loaded. The engine reads the id, kind, description and settings here, never
 * from the provider again: plugin code runs only at load time (under its timeout) and when creating instances.
 *
 * @param provider the provider found by {@link java.util.ServiceLoader}; only {@code create} is called on it later
 * @param pluginId the id of the plugin (jar) it came from
 * @param pluginVersion the version of that plugin, as its manifest says, for the plugin's own context
 * @param loader the class loader to set as the thread context class loader around every call into the component
 * @param id the provider's id, as checked when loading
 * @param kind the provider's kind
 * @param description the provider's description
 * @param settings the settings it declares, copied when loading
 */
public record Component(PluginProvider<?> provider, String pluginId, String pluginVersion, ClassLoader loader, String id,
                        Kind kind, String description, List<Setting> settings) {

    /** Checks the parts and copies the settings. */
    public Component {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        settings = List.copyOf(settings);
    }

    /**
     * Asks the provider, once, for its id, kind, description and settings, with {@code loader} as the context loader.
     *
     * @throws Exception what the provider threw; a null answer fails with a {@link NullPointerException}
     */
    public static Component read(PluginProvider<?> provider, String pluginId, String pluginVersion, ClassLoader loader)
            throws Exception {
        return ContextLoader.call(loader, () -> new Component(provider, pluginId, pluginVersion, loader, provider.id(),
                provider.kind(), provider.description(), provider.settings()));
    }

    /** The version a built-in component's plugin has, having no manifest. */
    public static final String BUILT_IN = "built-in";

    /** @return a component for a provider on the engine's own loader, one plugin of its own (tests, built-ins) */
    public static Component builtIn(PluginProvider<?> provider) {
        String id = provider.id();
        return new Component(provider, id, BUILT_IN, provider.getClass().getClassLoader(), id, provider.kind(),
                provider.description(), provider.settings());
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
