package io.autoscalebot.testkit;

import io.autoscalebot.api.measure.MeasureProvider;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a built plugin against the plugin contract, the way the engine will load it: its jar or folder goes into a
 * plugin directory, the engine's own loader reads its manifest, puts it in its own module layer and creates its
 * providers; then each component is checked (see {@link ContractCheck}). In a test:
 * <pre>{@code
 * @Test
 * void keepsThePluginContract() {
 *     PluginContract.assertPasses(Path.of("target/file-value-plugin-1.0.0.jar"));
 * }
 * }</pre>
 * Run it after {@code package} (a Maven {@code *IT} test under failsafe, or a surefire test on the jar of a previous
 * build), since it checks the jar users get, not the classes under test.
 */
public final class PluginContract {

    private PluginContract() {
    }

    /**
     * @param plugin the plugin's jar, or its folder (the plugin jar with its own libraries)
     * @return every check's outcome
     */
    public static ContractReport check(Path plugin) {
        Path absolute = plugin.toAbsolutePath();
        ModuleLayer apiLayer = MeasureProvider.class.getModule().getLayer();
        if (apiLayer != null) {
            return ContractChecks.run(absolute, apiLayer);
        }
        return onClassPath(absolute);
    }

    /**
     * Checks the plugin and fails with every broken check, one per line, when one does not hold.
     *
     * @param plugin the plugin's jar or folder
     * @throws AssertionError naming each failed check, what it found and what to change
     */
    public static void assertPasses(Path plugin) {
        ContractReport report = check(plugin);
        if (!report.passed()) {
            throw new AssertionError(report.toString());
        }
    }

    /**
     * Plugins load into module layers whose parent holds the API as a named module. A test on the class path has the
     * API in the unnamed module, so the testkit builds that parent itself: a layer with the API, the engine, Jackson
     * and the testkit read from the jars on the class path, and runs the checks there. What crosses back is plain
     * strings, since the layer has its own copies of these classes.
     */
    private static ContractReport onClassPath(Path plugin) {
        try {
            Set<Path> jars = new LinkedHashSet<>();
            for (String type : List.of("io.autoscalebot.api.measure.MeasureProvider",
                    "io.autoscalebot.engine.plugin.PluginLoader", "io.autoscalebot.testkit.PluginContract",
                    "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
                    "com.fasterxml.jackson.annotation.JsonProperty",
                    "com.fasterxml.jackson.dataformat.toml.TomlMapper")) {
                jars.add(Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()));
            }
            ModuleLayer boot = ModuleLayer.boot();
            jars.addAll(requiredJars(jars, boot));
            Configuration configuration = boot.configuration().resolve(ModuleFinder.of(jars.toArray(Path[]::new)),
                    ModuleFinder.of(), Set.of("io.autoscalebot.testkit"));
            ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
            Class<?> entry = layer.findLoader("io.autoscalebot.testkit").loadClass(PluginContract.class.getName());
            @SuppressWarnings("unchecked")
            List<List<String>> rows = (List<List<String>>) entry.getMethod("rows", Path.class).invoke(null, plugin);
            List<ContractFinding> findings = new ArrayList<>();
            for (List<String> row : rows) {
                findings.add(new ContractFinding(ContractCheck.valueOf(row.get(0)), row.get(1),
                        Boolean.parseBoolean(row.get(2)), row.get(3)));
            }
            return new ContractReport(plugin.toString(), findings);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the contract check failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | URISyntaxException e) {
            throw new IllegalStateException("cannot set up the plugin layer the contract check runs in; put"
                    + " autoscalebot-api, autoscalebot-engine and autoscalebot-plugin-testkit on the test's"
                    + " module path or class path: " + e, e);
        }
    }


    /**
     * @return the class path's jars of every module the given ones require, transitively (the engine's metrics
     *     library, for one), found by their module names; and every jar of that metrics library, whose automatic
     *     modules need each other without saying so. A jar that is not a usable module is passed over.
     */
    private static Set<Path> requiredJars(Set<Path> start, ModuleLayer boot) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try {
                for (ModuleReference found : ModuleFinder.of(Path.of(entry)).findAll()) {
                    byName.putIfAbsent(found.descriptor().name(), Path.of(entry));
                }
            } catch (RuntimeException e) {
                // not a usable module (an invalid automatic name, say): not one the engine needs
            }
        }
        Set<Path> needed = new LinkedHashSet<>();
        Deque<ModuleDescriptor> todo = new ArrayDeque<>();
        ModuleFinder.of(start.toArray(Path[]::new)).findAll().forEach(ref -> todo.add(ref.descriptor()));
        while (!todo.isEmpty()) {
            for (ModuleDescriptor.Requires requires : todo.pop().requires()) {
                Path jar = byName.get(requires.name());
                if (jar != null && boot.findModule(requires.name()).isEmpty() && !start.contains(jar)
                        && needed.add(jar)) {
                    ModuleFinder.of(jar).findAll().forEach(ref -> todo.add(ref.descriptor()));
                }
            }
        }
        byName.forEach((name, jar) -> {
            if (name.startsWith("io.prometheus.metrics.")) {
                needed.add(jar);
            }
        });
        return needed;
    }

    /**
     * For {@link #onClassPath}: the report as rows of plain strings (check, subject, passed, message), which cross
     * from the testkit's own layer to the caller's copy of these classes.
     *
     * @param plugin the plugin's jar or folder
     * @return the findings as rows
     */
    public static List<List<String>> rows(Path plugin) {
        return check(plugin).findings().stream()
                .map(f -> List.of(f.check().name(), f.subject(), String.valueOf(f.passed()), f.message()))
                .toList();
    }
}
