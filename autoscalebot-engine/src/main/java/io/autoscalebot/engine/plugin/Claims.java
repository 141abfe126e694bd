package io.autoscalebot.engine.plugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which plugin loaded so far provides each component (kind and id), so that of two different plugins offering the same
 * component the one found first keeps it and the later one is refused as a duplicate naming both files. Plugins with
 * the same plugin id never get here: {@link Precedence} has picked one of them already.
 */
final class Claims {

    private final Map<String, PluginSource> components = new HashMap<>();

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
