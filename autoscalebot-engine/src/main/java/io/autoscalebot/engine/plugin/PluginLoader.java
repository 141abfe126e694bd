package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and loads the plugins in a list of directories into a {@link PluginCatalog}.
 *
 * <p>Each directory (the distribution's {@code plugins/}, the user's {@code ./plugins}, a {@code --plugins-dir}) is
 * read in the order given, its entries sorted by name; a directory that does not exist is skipped. A plugin is a jar,
 * or a folder holding the plugin jar (the one whose manifest has {@code Autoscalebot-Plugin-Id}) and its libraries.
 * Of plugins with the same plugin id, only the one {@link Precedence} picks is loaded: the highest version built for
 * this API. Each loads into its own module layer (see {@link PluginLayers}). A plugin that cannot load is listed with its status
 * and a message naming the file and saying what to do; it never stops the others from loading.
 *
 * <p>Defining a plugin's layer and creating its providers is most of the start-up of a short command, so a command
 * that knows which components it needs loads only the plugins that may offer them ({@link #loadOffering}): those whose
 * manifest's component index ({@code Autoscalebot-Components}, see {@link PluginDescriptor}) lists one, and every
 * plugin without an index, since its components are unknown until it loads. Every plugin is still found and its
 * manifest read, so the choice among plugins with the same id, and problems found on reading, are as with all loaded.
 */
public final class PluginLoader {

    /** How long a plugin's providers get to be created and describe themselves before the plugin counts as hung. */
    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(10);

    private final ModuleLayer parent;
    private final ApiVersion api;
    private final Duration loadTimeout;
    private final JarScanCache scans;

    /**
     * A loader whose plugins see the engine's own layer, for this API version, keeping what it learns by reading a
     * jar's classes in the user's cache folder for the next run (see {@link JarScanCache}).
     */
    public PluginLoader() {
        // null when the API is not a named module (autoscalebot started on the class path); see usable.
        this(MeasureProvider.class.getModule().getLayer(), ApiVersion.CURRENT, DEFAULT_LOAD_TIMEOUT,
                JarScanCache.inUserCache());
    }

    /**
     * A loader that keeps nothing between loads.
     *
     * @param parent the layer holding the API module and the libraries plugins share with the engine
     * @param api the API version this engine implements; plugins whose range excludes it are incompatible
     * @param loadTimeout how long a plugin's providers may take to load
     */
    public PluginLoader(ModuleLayer parent, ApiVersion api, Duration loadTimeout) {
        this(parent, api, loadTimeout, JarScanCache.none());
    }

    /**
     * @param parent as for {@link #PluginLoader(ModuleLayer, ApiVersion, Duration)}
     * @param api as for {@link #PluginLoader(ModuleLayer, ApiVersion, Duration)}
     * @param loadTimeout as for {@link #PluginLoader(ModuleLayer, ApiVersion, Duration)}
     * @param scanCache the folder keeping what reading a jar's classes found, for later loads
     */
    PluginLoader(ModuleLayer parent, ApiVersion api, Duration loadTimeout, Path scanCache) {
        this(parent, api, loadTimeout, new JarScanCache(Objects.requireNonNull(scanCache, "scanCache")));
    }

    private PluginLoader(ModuleLayer parent, ApiVersion api, Duration loadTimeout, JarScanCache scans) {
        this.parent = parent;
        this.api = Objects.requireNonNull(api, "api");
        this.loadTimeout = Objects.requireNonNull(loadTimeout, "loadTimeout");
        this.scans = scans;
    }

    /**
     * Loads every plugin found.
     *
     * @param directories the plugin directories, in order of precedence. Of plugins with the same plugin id, the one
     *     built for this API with the highest version is loaded (see {@link Precedence}); on a clash of component ids
     *     between different plugins, the plugin found first wins
     * @return every plugin found, loaded or not, in discovery order
     */
    public PluginCatalog load(List<Path> directories) {
        return load(directories, null);
    }

    /**
     * Loads the plugins that may offer one of these components: those whose component index lists one of the ids and
     * those without an index. When an id is in no plugin's index (a plugin without one may offer it, or no plugin
     * does and the user is told which ids there are), every plugin is loaded, as by {@link #load(List)}.
     *
     * @param directories as for {@link #load(List)}
     * @param componentIds the ids of the components needed, of any kind
     * @return the plugins loaded or tried, and those left out ({@link PluginCatalog#notLoaded()})
     */
    public PluginCatalog loadOffering(List<Path> directories, Set<String> componentIds) {
        return load(directories, Set.copyOf(componentIds));
    }

    /** @param wanted the component ids needed, or {@code null} for every plugin */
    private PluginCatalog load(List<Path> directories, Set<String> wanted) {
        List<Found> found = new ArrayList<>();
        for (Path directory : directories) {
            try {
                for (PluginSource source : PluginSource.in(directory)) {
                    found.add(read(source));
                }
            } catch (IOException e) {
                found.add(Found.unreadable(new PluginInfo(
                        PluginDescriptor.idFromFileName(String.valueOf(directory.getFileName())), "?", "?", directory,
                        PluginInfo.Status.BROKEN, "plugin directory " + directory + " cannot be listed: "
                        + JdkFailures.detail(e) + "; check its permissions", List.of())));
            }
        }
        Map<PluginSource, LoadProblem> superseded = Precedence.superseded(found.stream()
                .filter(f -> f.descriptor() != null)
                .map(f -> Map.entry(f.source(), f.descriptor()))
                .toList(), api);
        boolean everything = wanted == null || !indexed(found, superseded).containsAll(wanted);
        Claims claims = new Claims();
        // One for the whole load, so that what it learns about a jar serves every plugin carrying the same one.
        PluginLayers layers = parent == null ? null : new PluginLayers(parent, scans);
        List<PluginInfo> plugins = new ArrayList<>();
        List<Path> notLoaded = new ArrayList<>();
        LoadThread thread = new LoadThread();
        try {
            loadEach(found, superseded, everything, wanted, claims, layers, thread, plugins, notLoaded);
        } finally {
            thread.close();
        }
        return new PluginCatalog(plugins, notLoaded);
    }

    private void loadEach(List<Found> found, Map<PluginSource, LoadProblem> superseded, boolean everything,
                          Set<String> wanted, Claims claims, PluginLayers layers, LoadThread thread,
                          List<PluginInfo> plugins, List<Path> notLoaded) {
        for (Found plugin : found) {
            if (plugin.unreadable() != null) {
                plugins.add(plugin.unreadable());
            } else if (superseded.containsKey(plugin.source())) {
                LoadProblem problem = superseded.get(plugin.source());
                plugins.add(info(plugin.descriptor(), plugin.source(), problem.status(), problem.getMessage(),
                        List.of()));
            } else if (!everything && !offersAny(plugin.descriptor(), wanted)
                    && plugin.descriptor().apiRange().contains(api)) {
                // (An incompatible plugin is still tried: refused before its layer is made, it is warned about.)
                notLoaded.add(plugin.source().location());
            } else {
                plugins.add(load(plugin, claims, layers, thread));
            }
        }
    }

    /** @return every component id listed by the index of a plugin that may load (read, and not superseded) */
    private static Set<String> indexed(List<Found> found, Map<PluginSource, LoadProblem> superseded) {
        Set<String> ids = new TreeSet<>();
        for (Found plugin : found) {
            if (plugin.descriptor() != null && plugin.descriptor().components() != null
                    && !superseded.containsKey(plugin.source())) {
                ids.addAll(plugin.descriptor().components());
            }
        }
        return ids;
    }

    /** @return whether the plugin may offer one of the components: its index lists one, or it has no index */
    private static boolean offersAny(PluginDescriptor descriptor, Set<String> wanted) {
        Set<String> index = descriptor.components();
        return index == null || index.stream().anyMatch(wanted::contains);
    }

    /** Reads what a plugin says about itself (its manifest) without running any of its code. */
    private static Found read(PluginSource source) {
        try {
            List<Path> jars = source.jars();
            PluginJars.PluginJar pluginJar = PluginJars.pluginJar(source, jars);
            return new Found(source, jars, PluginDescriptor.read(pluginJar.manifest(),
                    pluginJar.jar().getFileName().toString(), source.toString()), null);
        } catch (LoadProblem problem) {
            return Found.unreadable(info(null, source, problem.status(), problem.getMessage(), List.of()));
        } catch (Exception | LinkageError e) {
            return Found.unreadable(info(null, source, PluginInfo.Status.BROKEN, JdkFailures.describe(source, e),
                    List.of()));
        }
    }

    private PluginInfo load(Found plugin, Claims claims, PluginLayers layers, LoadThread thread) {
        PluginSource source = plugin.source();
        PluginDescriptor descriptor = plugin.descriptor();
        try {
            checkCompatible(descriptor, source);
            ModuleLayer layer = usable(layers, source).define(plugin.jars(), source);
            List<Component> components = scanWithin(layer, descriptor, source, thread);
            checkIndex(descriptor, components, source);
            claims.claimComponents(components, source);
            return info(descriptor, source, PluginInfo.Status.LOADED, "", components);
        } catch (LoadProblem problem) {
            return info(descriptor, source, problem.status(), problem.getMessage(), List.of());
        } catch (Exception | LinkageError | ServiceConfigurationError e) {
            return info(descriptor, source, PluginInfo.Status.BROKEN, JdkFailures.describe(source, e), List.of());
        }
    }

    private void checkCompatible(PluginDescriptor descriptor, PluginSource source) throws LoadProblem {
        ApiRange range = descriptor.apiRange();
        if (range.contains(api)) {
            return;
        }
        String release = (descriptor.id().matches("[aeiou].*") ? "an " : "a ") + descriptor.id()
                + " release for API " + api.major() + ".x";
        String advice = range.isAbove(api) ? "upgrade autoscalebot or use " + release : "use " + release;
        throw new LoadProblem(PluginInfo.Status.INCOMPATIBLE, source + ": built for autoscalebot API " + range
                + ", this is API " + api + "; " + advice);
    }

    /**
     * A plugin whose index disagrees with its providers would be left out of commands that need one of its components,
     * or loaded by them for nothing: refused, so a stale index shows in {@code plugins list} and the plugin's tests.
     */
    private static void checkIndex(PluginDescriptor descriptor, List<Component> components, PluginSource source)
            throws LoadProblem {
        if (descriptor.components() == null) {
            return;
        }
        Set<String> offered = new TreeSet<>();
        components.forEach(component -> offered.add(component.id()));
        if (!offered.equals(descriptor.components())) {
            throw LoadProblem.broken(source + ": its manifest's " + PluginDescriptor.COMPONENTS + " lists "
                    + String.join(", ", new TreeSet<>(descriptor.components())) + " but its providers offer "
                    + (offered.isEmpty() ? "none" : String.join(", ", offered)) + "; list exactly the ids its "
                    + "providers offer, or remove the attribute");
        }
    }

    private static PluginLayers usable(PluginLayers layers, PluginSource source) throws LoadProblem {
        if (layers == null) {
            throw LoadProblem.broken(source + ": plugins load only when autoscalebot runs on the module path, and this "
                    + "one runs on the class path; start it with the distribution's bin/autoscalebot");
        }
        return layers;
    }

    /** Creating providers runs plugin code, which may hang; a hung plugin must not stop the others loading. */
    private List<Component> scanWithin(ModuleLayer layer, PluginDescriptor descriptor, PluginSource source,
                                       LoadThread thread) throws LoadProblem {
        String pluginId = descriptor.id();
        Future<List<Component>> scan = thread.submit(pluginId,
                () -> ProviderScanner.scan(layer, pluginId, descriptor.version(), source));
        try {
            return scan.get(loadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            scan.cancel(true);
            thread.abandon();
            throw LoadProblem.broken(source + ": its providers did not finish loading within " + loadTimeout.toMillis()
                    + " ms (a constructor, id(), description() or settings() hangs); remove the plugin");
        } catch (InterruptedException e) {
            scan.cancel(true);
            thread.abandon();
            Thread.currentThread().interrupt();
            throw LoadProblem.broken(source + ": loading was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoadProblem problem) {
                throw problem;
            }
            throw LoadProblem.broken(JdkFailures.describe(source, e.getCause()));
        }
    }

    private static PluginInfo info(PluginDescriptor descriptor, PluginSource source, PluginInfo.Status status,
                                   String problem, List<Component> components) {
        if (descriptor == null) {
            return new PluginInfo(PluginDescriptor.idFromFileName(source.name()), "?", "?", source.location(), status,
                    problem, components);
        }
        return new PluginInfo(descriptor.id(), descriptor.version(), descriptor.apiRange().toString(),
                source.location(), status, problem, components);
    }

    /**
     * The thread that creates the providers of one load's plugins, one after the other: a thread per plugin cost
     * 10-20 ms of `plugins list`'s ~450 ms CPU for 19 plugins (issue 11). A plugin that hangs keeps the thread it
     * hangs on, so that thread is given up (interrupted; a daemon, as each plugin's own thread was) and the next
     * plugin gets a new one.
     */
    private static final class LoadThread implements AutoCloseable {

        private ExecutorService executor;

        /** Runs the scan of one plugin, on a thread named after it as the thread per plugin was. */
        Future<List<Component>> submit(String pluginId, Callable<List<Component>> scan) {
            if (executor == null) {
                executor = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "autoscalebot-load");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return executor.submit(() -> {
                Thread.currentThread().setName("autoscalebot-load-" + pluginId);
                return scan.call();
            });
        }

        /** Leaves the current thread to the plugin that hangs on it. */
        void abandon() {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }

        @Override
        public void close() {
            if (executor != null) {
                executor.shutdown();
            }
        }
    }

    /**
     * A plugin found on disk: its source, jars and descriptor once read, or what made it unreadable.
     *
     * @param unreadable the plugin as listed when its jars or manifest could not be read; else {@code null}
     */
    private record Found(PluginSource source, List<Path> jars, PluginDescriptor descriptor, PluginInfo unreadable) {

        static Found unreadable(PluginInfo info) {
            return new Found(null, List.of(), null, info);
        }
    }
}
