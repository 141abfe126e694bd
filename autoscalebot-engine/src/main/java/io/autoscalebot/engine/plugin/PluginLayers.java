package io.autoscalebot.engine.plugin;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes one module layer per plugin, child of the engine's layer.
 *
 * <p>The plugin's jars are the <em>after</em> finder: a module the engine already has (the API, or {@code org.slf4j}
 * that a plugin's libraries bundle in an older copy) resolves to the engine's copy, so plugins and engine share one API
 * and one copy of each common library. Each layer has its own class loader, so two plugins can carry different
 * versions of the same private library.
 */
final class PluginLayers {

    private final ModuleLayer parent;

    /** @param parent the layer holding the API and the engine's shared libraries */
    PluginLayers(ModuleLayer parent) {
        this.parent = parent;
    }

    /**
     * Resolves and defines a plugin's modules.
     *
     * @param jars the plugin jar and its libraries; every module in them is a root
     * @return the new layer
     * @throws java.lang.module.FindException when a jar is not a readable module
     * @throws java.lang.module.ResolutionException when a module needs one that is neither here nor in the parent
     * @throws LayerInstantiationException when a package is split between modules on one loader
     */
    ModuleLayer define(List<Path> jars) {
        ModuleFinder plugin = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> roots = plugin.findAll().stream()
                .map(ModuleReference::descriptor)
                .map(ModuleDescriptor::name)
                .collect(Collectors.toSet());
        Configuration configuration = Configuration.resolveAndBind(
                ModuleFinder.of(), List.of(parent.configuration()), plugin, roots);
        return ModuleLayer.defineModulesWithOneLoader(configuration, List.of(parent),
                ClassLoader.getPlatformClassLoader()).layer();
    }
}
