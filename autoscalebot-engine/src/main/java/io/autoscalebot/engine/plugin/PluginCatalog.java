package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every plugin found, and the components of those that loaded. Immutable.
 *
 * <p>A catalog made for a command that needs only some components ({@link PluginLoader#loadOffering}) leaves out the
 * plugins whose component index says they offer none of them: those are in {@link #notLoaded()}, not in
 * {@link #plugins()}.
 *
 * @param plugins every plugin found, in the order found, loaded or not, but those left out
 * @param notLoaded the plugins left out because the command needs none of their components (jar or folder, in the
 *     order found); empty when every plugin found was loaded
 */
public record PluginCatalog(List<PluginInfo> plugins, List<Path> notLoaded) {

    /** Copies the lists. */
    public PluginCatalog {
        plugins = List.copyOf(plugins);
        notLoaded = List.copyOf(notLoaded);
    }

    /** A catalog of every plugin found. */
    public PluginCatalog(List<PluginInfo> plugins) {
        this(plugins, List.of());
    }

    /** @return whether every plugin found was loaded (or tried), so every component id there is is known */
    public boolean complete() {
        return notLoaded.isEmpty();
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
     * A plugin with that plugin id that is installed but could not be loaded, for messages like {@code plugin 'x' is
     * installed but could not be loaded: ...} instead of only listing the available ones.
     *
     * @return a broken or incompatible plugin with that id (before one that is only a duplicate), if no plugin with
     *     that id loaded
     */
    public Optional<PluginInfo> unusable(String id) {
        List<PluginInfo> sameId = plugins.stream().filter(p -> p.id().equals(id)).toList();
        if (sameId.stream().anyMatch(p -> p.status() == PluginInfo.Status.LOADED)) {
            return Optional.empty();
        }
        return sameId.stream()
                .min(Comparator.comparing(p -> p.status() == PluginInfo.Status.DUPLICATE));
    }

    /**
     * The plugins that could not be loaded and whose components are therefore unknown: any of them may be the one a
     * configuration names by component id. A duplicate whose plugin id loaded from another file is not one of them.
     *
     * @return those plugins, in the order found
     */
    public List<PluginInfo> unloadable() {
        return plugins.stream()
                .filter(p -> p.status() != PluginInfo.Status.LOADED)
                .filter(p -> p.status() != PluginInfo.Status.DUPLICATE || plugins.stream()
                        .noneMatch(other -> other.status() == PluginInfo.Status.LOADED && other.id().equals(p.id())))
                .toList();
    }
}
