package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every plugin found, and the components of those that loaded. Immutable.
 *
 * @param plugins every plugin found, in the order found, loaded or not
 */
public record PluginCatalog(List<PluginInfo> plugins) {

    /** Copies the list. */
    public PluginCatalog {
        plugins = List.copyOf(plugins);
    }

    /** @return a catalog of providers on the engine's own loader, one plugin each (tests, simulations) */
    public static PluginCatalog of(PluginProvider<?>... providers) {
        List<PluginInfo> plugins = new ArrayList<>();
        for (PluginProvider<?> provider : providers) {
            Component component = Component.builtIn(provider);
            plugins.add(new PluginInfo(component.id(), Component.BUILT_IN, "*", null, PluginInfo.Status.LOADED, "",
                    List.of(component)));
        }
        return new PluginCatalog(plugins);
    }

    /** @return the loaded component of that kind and id, if any */
    public Optional<Component> find(Kind kind, String id) {
        return components(kind).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @return every loaded component of that kind, in the order found */
    public List<Component> components(Kind kind) {
        return plugins.stream()
                .filter(p -> p.status() == PluginInfo.Status.LOADED)
                .flatMap(p -> p.components().stream())
                .filter(c -> c.kind() == kind)
                .collect(Collectors.toList());
    }

    /** @return the plugins that did not load, in the order found, for warnings at start-up */
    public List<PluginInfo> problems() {
        return plugins.stream().filter(p -> p.status() != PluginInfo.Status.LOADED).toList();
    }

    /**
     * Why no component of that kind and id is usable: a plugin that claims it but did not load, or the list of those
     * available. For messages like {@code unknown measure plugin 'x' (available: a, b)}.
     *
     * @return a plugin that did not load and whose id is {@code id}, if any
     */
    public Optional<PluginInfo> unusable(String id) {
        return plugins.stream().filter(p -> p.status() != PluginInfo.Status.LOADED && p.id().equals(id)).findFirst();
    }
}
