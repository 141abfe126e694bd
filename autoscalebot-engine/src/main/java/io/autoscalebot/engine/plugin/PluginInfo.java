package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.Kind;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One plugin found on disk (a jar, or a folder with the plugin jar and its libraries), loaded or not.
 *
 * @param id the plugin id from its manifest ({@code Autoscalebot-Plugin-Id}), or the file name when unreadable
 * @param version the plugin's own version ({@code Autoscalebot-Plugin-Version}), or {@code "?"}
 * @param apiRange the API versions it works with ({@code Autoscalebot-Api-Range}), or {@code "?"}
 * @param location the jar or folder; {@code null} for a built-in provider
 * @param status loaded, or why not
 * @param problem for a plugin that did not load: what is wrong and what to do, naming the file; else empty
 * @param components what it provides, by kind and id (empty when it did not load)
 */
public record PluginInfo(String id, String version, String apiRange, Path location, Status status, String problem,
                         List<Component> components) {

    /** Whether a plugin is usable. */
    public enum Status {
        /** Loaded; its components are usable. */
        LOADED,
        /** Built for an API range that excludes this engine's API version. */
        INCOMPATIBLE,
        /** Unreadable, badly packaged, or failing to load. */
        BROKEN,
        /**
         * Not used because another plugin has its plugin id and wins (the highest version built for this API, see
         * {@link Precedence}), or because it offers a component that a different plugin found first already offers.
         */
        DUPLICATE
    }

    /** Checks the parts. */
    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(apiRange, "apiRange");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        components = List.copyOf(components);
    }

    /** @return the kinds this plugin provides, in {@link Kind} order */
    public Set<Kind> kinds() {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        components.forEach(c -> kinds.add(c.kind()));
        return kinds;
    }
}
