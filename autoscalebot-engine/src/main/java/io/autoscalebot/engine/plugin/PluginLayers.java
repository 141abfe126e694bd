package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.stream.Stream;

/**
 * Makes one module layer per plugin, child of the platform's layer, through which a plugin sees only what the plugin
 * contract shares with it (see {@link PlatformModules}).
 *
 * <p>A plugin's folder is searched first for every module except the shared ones: its libraries are its own, even
 * when the platform happens to hold a module of the same name. A shared module (the API, Jackson, slf4j-api) always
 * resolves to the platform's copy, and a copy of it in the plugin's folder is passed over, so plugins and engine
 * exchange one {@code ObjectMapper} class and one API. Each layer has its own class loader, so two plugins can carry
 * different versions of the same private library.
 *
 * <p>Resolution alone would let a plugin read any module the platform holds. So once resolved, a module of the plugin
 * that reads a platform module outside the contract is refused, naming the jar and the module: an explicit module by
 * what it requires, a jar without module-info (which JPMS lets read everything) by the classes it refers to.
 */
final class PluginLayers {

    private final ModuleLayer parent;
    /**
     * The packages each jar's classes refer to, by the jar's content: reading every class of a jar without
     * module-info is most of what loading a plugin costs, and plugins often carry the same library (three of the
     * bundled ones carry Jedis), so one load reads each such jar once (issue 11).
     */
    private final Map<String, Set<String>> packagesUsedByContent = new HashMap<>();

    /** See {@link #platformPackages()}; {@code null} until a plugin needs it. */
    private Map<String, String> platformPackages;
    /** What scans of earlier runs found, for jars unchanged since (see {@link JarScanCache}). */
    private final JarScanCache scans;

    /** @param parent the layer holding the API and the shared libraries */
    PluginLayers(ModuleLayer parent) {
        this(parent, JarScanCache.none());
    }

    /**
     * @param parent the layer holding the API and the shared libraries
     * @param scans where to keep, and look for, what reading a jar's classes found
     */
    PluginLayers(ModuleLayer parent, JarScanCache scans) {
        this.parent = parent;
        this.scans = scans;
    }

    /**
     * Resolves, checks and defines a plugin's modules.
     *
     * @param jars the plugin jar and its libraries; every module in them is a root, except copies of shared modules
     * @param location the plugin, as shown to the user
     * @return the new layer
     * @throws LoadProblem when a module of the plugin needs a platform module the contract does not share
     * @throws IOException when a jar without module-info cannot be read to check what it uses
     * @throws java.lang.module.FindException when a jar is not a readable module
     * @throws java.lang.module.ResolutionException when a module needs one that is neither here nor in the parent
     * @throws LayerInstantiationException when a package is split between modules on one loader
     */
    ModuleLayer define(List<Path> jars, Object location) throws LoadProblem, IOException {
        ModuleFinder all = ModuleFinder.of(jars.toArray(Path[]::new));
        Map<String, ModuleReference> own = new HashMap<>();
        for (ModuleReference module : all.findAll()) {
            String name = module.descriptor().name();
            if (!(PlatformModules.isShared(name) && parent.findModule(name).isPresent())) {
                own.put(name, module);
            }
        }
        checkNoAutomaticModuleSeesTwoCopies(own, location);
        // resolve, not resolveAndBind: every module of the plugin is a root already, so binding services would add
        // none, and it costs a pass over every module's uses and provides.
        Configuration configuration = Configuration.resolve(new Only(own), List.of(parent.configuration()),
                ModuleFinder.of(), own.keySet());
        checkReads(configuration, location);
        return ModuleLayer.defineModulesWithOneLoader(configuration, List.of(parent),
                ClassLoader.getPlatformClassLoader()).layer();
    }

    /**
     * A jar without module-info reads every module, the platform's too; so when the plugin also carries its own copy
     * of a module the platform holds, that jar would read two modules of one name, which Java refuses with a message
     * naming neither the plugin nor what to do.
     */
    private void checkNoAutomaticModuleSeesTwoCopies(Map<String, ModuleReference> own, Object location)
            throws LoadProblem {
        Optional<String> automatic = own.values().stream().map(ModuleReference::descriptor)
                .filter(ModuleDescriptor::isAutomatic).map(ModuleDescriptor::name).sorted().findFirst();
        Optional<String> twice = own.keySet().stream().filter(name -> parent.findModule(name).isPresent())
                .sorted().findFirst();
        if (automatic.isPresent() && twice.isPresent()) {
            throw LoadProblem.broken(location + ": carries its own " + twice.get() + ", which autoscalebot also"
                    + " holds, and a jar without module-info (module " + automatic.get() + "), which Java lets read"
                    + " every module and so both copies; ask the plugin's author for a release whose libraries all"
                    + " have module-info, or that does not carry " + twice.get());
        }
    }

    private void checkReads(Configuration configuration, Object location) throws LoadProblem, IOException {
        Map<String, String> forbiddenPackages = null;
        for (ResolvedModule module : configuration.modules().stream()
                .sorted(Comparator.comparing(ResolvedModule::name)).toList()) {
            Optional<String> forbidden;
            if (module.reference().descriptor().isAutomatic()) {
                if (forbiddenPackages == null) {
                    forbiddenPackages = forbiddenPackages(configuration);
                }
                forbidden = firstUsed(module.reference(), forbiddenPackages);
            } else {
                List<String> reads = module.reads().stream().filter(read -> read.configuration() != configuration)
                        .map(ResolvedModule::name).filter(name -> !PlatformModules.isShared(name))
                        .sorted().toList();
                Set<String> required = module.reference().descriptor().requires().stream()
                        .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
                forbidden = reads.stream().filter(name -> required.contains(name) || !implied(name)).findFirst();
                if (forbidden.isEmpty() && !reads.isEmpty()) {
                    // Read only by implication: refused only when its classes use one of those modules.
                    if (forbiddenPackages == null) {
                        forbiddenPackages = forbiddenPackages(configuration);
                    }
                    forbidden = firstUsed(module.reference(), forbiddenPackages);
                }
            }
            if (forbidden.isPresent()) {
                throw refused(module.reference(), forbidden.get(), location);
            }
        }
    }

    /**
     * Whether a platform module is one a plugin's module may read without asking for it: a platform library without
     * module-info (the Prometheus client of the status server). Java lets a module that reads any jar without
     * module-info read every such jar too, the platform's included; that is not a dependency of the plugin's.
     */
    private boolean implied(String name) {
        return parent.findModule(name).map(found -> found.getDescriptor() != null
                && found.getDescriptor().isAutomatic()).orElse(false);
    }

    /**
     * Package to module, for the platform's packages a plugin may not use and does not carry itself (a package of its
     * own is loaded from its own layer, whatever the platform has).
     */
    private Map<String, String> forbiddenPackages(Configuration configuration) {
        Set<String> ownPackages = configuration.modules().stream()
                .flatMap(module -> module.reference().descriptor().packages().stream()).collect(Collectors.toSet());
        Map<String, String> forbidden = new HashMap<>(platformPackages());
        forbidden.keySet().removeAll(ownPackages);
        return forbidden;
    }

    /**
     * Package to module, for every package of the platform (the JDK's included) outside the shared modules: the same
     * for every plugin, so gathered once per load rather than once per plugin that needs it (issue 11).
     */
    private Map<String, String> platformPackages() {
        if (platformPackages == null) {
            Map<String, String> packages = new HashMap<>();
            withAncestors(parent).flatMap(layer -> layer.modules().stream())
                    .filter(module -> !PlatformModules.isShared(module.getName()))
                    .forEach(module -> module.getPackages()
                            .forEach(pkg -> packages.putIfAbsent(pkg, module.getName())));
            platformPackages = packages;
        }
        return platformPackages;
    }

    private static Stream<ModuleLayer> withAncestors(ModuleLayer layer) {
        return Stream.concat(Stream.of(layer), layer.parents().stream().flatMap(PluginLayers::withAncestors))
                .distinct();
    }

    /** @return the first, by name, of the forbidden modules whose packages the module's classes refer to */
    private Optional<String> firstUsed(ModuleReference module, Map<String, String> forbiddenPackages)
            throws IOException {
        Set<String> used = new TreeSet<>();
        for (String pkg : packagesUsed(module)) {
            String forbidden = forbiddenPackages.get(pkg);
            if (forbidden != null) {
                used.add(forbidden);
            }
        }
        return used.stream().findFirst();
    }

    /**
     * The packages a module's classes refer to: from an earlier run's scan of the unchanged jar, else read once per
     * jar content in this load (see packagesUsedByContent) and kept for later runs.
     */
    private Set<String> packagesUsed(ModuleReference module) throws IOException {
        Optional<Path> jar = module.location().filter(uri -> "file".equals(uri.getScheme())).map(Path::of)
                .filter(Files::isRegularFile);
        if (jar.isEmpty()) {
            return readPackagesUsed(module);
        }
        // Taken before the jar is read: a jar changed while it is read is kept under its old key, so read again.
        Optional<JarScanCache.Key> key = scans.key(jar.get());
        Optional<Set<String>> kept = key.flatMap(scans::packagesUsed);
        if (kept.isPresent()) {
            return kept.get();
        }
        String content = contentKey(jar.get());
        Set<String> used = packagesUsedByContent.get(content);
        if (used == null) {
            used = readPackagesUsed(module);
            packagesUsedByContent.put(content, used);
        }
        Set<String> found = used;
        key.ifPresent(unchanged -> scans.keep(unchanged, found));
        return used;
    }

    private static Set<String> readPackagesUsed(ModuleReference module) throws IOException {
        Set<String> used = new HashSet<>();
        try (ModuleReader reader = module.open()) {
            List<String> classes;
            try (Stream<String> entries = reader.list()) {
                // A multi-release jar lists its classes under their plain names; nothing under META-INF/ is linked.
                classes = entries.filter(entry -> entry.endsWith(".class") && !entry.startsWith("META-INF/")).toList();
            }
            for (String entry : classes) {
                Optional<InputStream> in = reader.open(entry);
                if (in.isPresent()) {
                    try (InputStream classFile = in.get()) {
                        used.addAll(ClassReferences.packages(classFile.readAllBytes()));
                    }
                }
            }
        }
        return Set.copyOf(used);
    }

    /**
     * The jar's size and CRC-32, not its path: two plugins' copies of a jar share the result only when their bytes
     * agree. CRC-32 because the JVM computes it with one instruction where SHA-256 costs more than reading the classes
     * (with C1 only, as brief commands run); this check keeps honest plugins to the contract, it is no sandbox (a
     * plugin's code runs with the engine's permissions anyway), so a crafted collision gains nothing a plugin lacks.
     */
    private static String contentKey(Path jar) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return bytes.length + ":" + Long.toHexString(crc.getValue());
    }

    private static LoadProblem refused(ModuleReference module, String forbidden, Object location) {
        ModuleDescriptor descriptor = module.descriptor();
        String jar = module.location().map(uri -> Path.of(uri).getFileName().toString()).orElse(descriptor.name());
        String how = descriptor.isAutomatic() ? "uses classes of"
                : descriptor.requires().stream().anyMatch(required -> required.name().equals(forbidden))
                ? "requires" : "reads (through a module it requires)";
        String advice = forbidden.startsWith("io.autoscalebot.")
                ? "ask the plugin's author for a release built against autoscalebot-api only"
                : "ship " + forbidden + " in the plugin's folder, or ask the plugin's author for a release that does"
                        + " not rely on autoscalebot's copy";
        // A plain plugin jar is the location already; a folder's jar is named.
        String who = location.toString().endsWith(jar) ? "module " + descriptor.name()
                : jar + " (module " + descriptor.name() + ")";
        return LoadProblem.broken(location + ": " + who + " " + how + " module "
                + forbidden + ", which autoscalebot does not share with plugins; a plugin may use only "
                + PlatformModules.names() + " and the JDK's java.* and jdk.* modules from autoscalebot (see"
                + " docs/platform-modules.md): " + advice);
    }

    /** A finder over the plugin's own modules: its jars, less its copies of shared modules. */
    private record Only(Map<String, ModuleReference> modules) implements ModuleFinder {

        @Override
        public Optional<ModuleReference> find(String name) {
            return Optional.ofNullable(modules.get(name));
        }

        @Override
        public Set<ModuleReference> findAll() {
            return Set.copyOf(modules.values());
        }
    }
}
