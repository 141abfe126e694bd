package io.autoscalebot.engine.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The modules autoscalebot shares with plugins, part of the plugin contract (docs/platform-modules.md): the API, the
 * platform libraries below, and the JDK's {@code java.*} and {@code jdk.*} modules. A plugin {@code requires} them and
 * gets the platform's own copy, even when its folder ships another. Every other module of the platform (the engine,
 * the CLI, picocli, the TOML reader, ...) is the platform's business and may change in any release: a plugin that
 * needs one is refused when it loads.
 *
 * <p>This list is the one place that says so: the loader and {@code plugins list --json} read it, and a test holds
 * docs/platform-modules.md to it.
 */
public final class PlatformModules {

    /**
     * One shared module.
     *
     * @param module the JPMS module name a plugin {@code requires}
     * @param artifact the Maven coordinates a plugin compiles against ({@code provided} scope)
     * @param promise what stays true across autoscalebot releases within API 1.x, as the docs' table says it
     */
    public record Shared(String module, String artifact, String promise) {
    }

    /** In the order the docs list them. */
    public static final List<Shared> SHARED = List.of(
            new Shared("io.autoscalebot.api", "io.autoscalebot:autoscalebot-api",
                    "the plugin API; the plugin's Autoscalebot-Api-Range says which versions it works with"),
            new Shared("com.fasterxml.jackson.databind", "com.fasterxml.jackson.core:jackson-databind",
                    "Jackson 2.x, 2.20 or newer; a release may upgrade the minor version (2.20 to 2.21), never to 3.x"),
            new Shared("com.fasterxml.jackson.core", "com.fasterxml.jackson.core:jackson-core",
                    "the jackson-core release that goes with jackson-databind"),
            new Shared("com.fasterxml.jackson.annotation", "com.fasterxml.jackson.core:jackson-annotations",
                    "the jackson-annotations release that goes with jackson-databind (2.20 for 2.20.x)"),
            new Shared("org.slf4j", "org.slf4j:slf4j-api",
                    "SLF4J API 2.x; what a plugin's libraries log through it goes to autoscalebot's log"));

    private PlatformModules() {
    }

    /**
     * @param module a module name
     * @return whether a plugin may read that module from the platform: a shared one, or one of the JDK's
     */
    public static boolean isShared(String module) {
        return isJdk(module) || SHARED.stream().anyMatch(shared -> shared.module().equals(module));
    }

    /** @return whether the module is one of the JDK's, which plugins may use like any Java program */
    static boolean isJdk(String module) {
        return module.startsWith("java.") || module.startsWith("jdk.");
    }

    /** @return the shared module names for messages: {@code io.autoscalebot.api, com.fasterxml.jackson.databind} */
    static String names() {
        return String.join(", ", SHARED.stream().map(Shared::module).toList());
    }

    /**
     * @param platform the layer plugins are loaded under
     * @return each shared module that layer holds, with the version it holds
     */
    public static List<Version> versionsIn(ModuleLayer platform) {
        List<Version> versions = new ArrayList<>();
        for (Shared shared : SHARED) {
            platform.findModule(shared.module()).ifPresent(module -> versions.add(new Version(shared,
                    Optional.ofNullable(module.getDescriptor()).flatMap(java.lang.module.ModuleDescriptor::rawVersion)
                            .orElse("unknown"))));
        }
        return versions;
    }

    /**
     * A shared module as the running platform has it.
     *
     * @param shared the module
     * @param version its version, like {@code 2.20.1}, from its module descriptor; {@code unknown} without one
     */
    public record Version(Shared shared, String version) {
    }
}
