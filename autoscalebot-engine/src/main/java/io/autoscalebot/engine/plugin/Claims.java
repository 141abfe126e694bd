package io.autoscalebot.engine.plugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which plugin found so far owns each plugin id and each component (kind and id), so that the plugin found first keeps
 * it and a later one is refused as a duplicate naming both files.
 */
final class Claims {

    private final Map<String, PluginSource> plugins = new HashMap<>();
    private final Map<String, PluginSource> components = new HashMap<>();

    /** @throws LoadProblem a {@code DUPLICATE} when an earlier plugin has that id */
    void claimPlugin(String id, PluginSource source) throws LoadProblem {
        PluginSource first = plugins.putIfAbsent(id, source);
        if (first != null) {
            throw new LoadProblem(PluginInfo.Status.DUPLICATE, source + ": plugin id '" + id + "' is already taken by "
                    + first + ", found first; remove one of the two");
        }
    }

    /**
     * Claims all of a plugin's components, or none.
     *
     * @throws LoadProblem a {@code DUPLICATE} when an earlier plugin has a component of the same kind and id
     */
    void claimComponents(List<Component> offered, PluginSource source) throws LoadProblem {
        for (Component component : offered) {
            PluginSource first = components.get(key(component));
            if (first != null) {
                throw new LoadProblem(PluginInfo.Status.DUPLICATE, source + ": " + component.kind().label() + " '"
                        + component.id() + "' is already provided by " + first
                        + ", found first; remove one of the two");
            }
        }
        offered.forEach(component -> components.put(key(component), source));
    }

    private static String key(Component component) {
        return component.kind().label() + " " + component.id();
    }
}
