package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs a plugin (a jar, a plugin folder, or a {@code .zip}/{@code .tar.gz}/{@code .tgz} of a plugin folder) into a
 * plugins directory, for {@code autoscalebot plugins install}.
 *
 * <p>Nothing reaches the plugins directory before the plugin has passed every check. It is first copied or unpacked
 * into a hidden staging folder inside that directory (hidden, so a loader never sees it; inside, so the final move is a
 * rename on one file system), then loaded there alone exactly as {@code run} loads plugins, in its own module layer:
 * it must load, offer components, and be built for this API. Its plugin id and component ids are then checked against
 * every plugin {@code run} would find. Only then is it moved into place, after moving aside what {@code --replace}
 * replaces; a failed move puts those back. On any refusal the staging folder is deleted and the directory is as it was.
 */
public final class PluginInstaller {

    private static final String STAGING_PREFIX = ".autoscalebot-install-";

    private final PluginLoader loader;
    private final List<Path> searched;
    private final Path bundled;
    private final PluginStaging stager;

    /**
     * @param loader loads plugins as {@code run} does
     * @param searched every plugins directory {@code run} searches, in order, for the ids already taken
     * @param bundled the distribution's own {@code plugins/}, never installed into; {@code null} when unknown
     */
    public PluginInstaller(PluginLoader loader, List<Path> searched, Path bundled) {
        this(loader, searched, bundled, PluginArchive.Limits.DEFAULT);
    }

    PluginInstaller(PluginLoader loader, List<Path> searched, Path bundled, PluginArchive.Limits limits) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.searched = searched.stream().map(PluginInstaller::normalized).toList();
        this.bundled = bundled == null ? null : normalized(bundled);
        this.stager = new PluginStaging(limits);
    }

    /**
     * What an install did.
     *
     * @param plugin the plugin installed, at its new location
     * @param replaced the plugins removed from the directory to make room for it ({@code --replace})
     * @param outranked plugins with the same id left in other directories, that it is used instead of from now on
     */
    public record Installation(PluginInfo plugin, List<PluginInfo> replaced, List<PluginInfo> outranked) {

        /** @return what happened, one line each, for the user */
        public List<String> summary() {
            List<String> lines = new ArrayList<>();
            lines.add("installed plugin '" + plugin.id() + "' version " + plugin.version() + " (" + components(plugin)
                    + ") as " + plugin.location());
            replaced.forEach(old -> lines.add("replaced plugin '" + old.id() + "' version " + old.version() + " ("
                    + components(old) + "), which was at " + old.location()));
            outranked.forEach(other -> lines.add("it is used instead of " + other.location() + " (version "
                    + other.version() + "), which stays installed"));
            return lines;
        }
    }

    /**
     * Installs a plugin.
     *
     * @param source the jar, folder or archive, as the user named it
     * @param directory the plugins directory to install into; created when missing
     * @param replace whether to replace a plugin in {@code directory} that has the same plugin id or a same component,
     *     or to install beside a plugin with the same id in another directory (it must then have a higher version)
     * @return what was done
     * @throws InstallException when the plugin is refused; nothing in {@code directory} has changed then
     */
    public Installation install(Path source, Path directory, boolean replace) throws InstallException {
        PluginStaging.Origin origin = PluginStaging.origin(source);
        Path target = normalized(directory);
        checkTarget(source, target, origin);
        boolean created = !Files.exists(target);
        Path staging = null;
        boolean installed = false;
        try {
            Files.createDirectories(target);
            staging = Files.createTempDirectory(target, STAGING_PREFIX);
            PluginStaging.Staged staged = stager.stage(source, origin, staging);
            PluginInfo candidate = check(staged, staging);
            List<Path> directories = new ArrayList<>(searched);
            if (!directories.contains(target)) {
                directories.add(target);
            }
            Conflicts conflicts = conflicts(candidate, staged, target, replace, directories,
                    loader.load(directories));
            Path destination = target.resolve(staged.name());
            commit(staged.path(), destination, conflicts.replaced(), staging);
            installed = true;
            PluginInfo plugin = new PluginInfo(candidate.id(), candidate.version(), candidate.apiRange(), destination,
                    PluginInfo.Status.LOADED, "", candidate.components());
            return new Installation(plugin, conflicts.replaced(), conflicts.outranked());
        } catch (IOException e) {
            throw new InstallException(source + ": could not be installed into " + target + " ("
                    + JdkFailures.detail(e) + "); check that folder's permissions and free space");
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
            if (!installed && created) {
                deleteQuietly(target);
            }
        }
    }

    /**
     * @param replaced plugins in the target directory that make room for the new one
     * @param outranked plugins with its id elsewhere that it wins over
     */
    private record Conflicts(List<PluginInfo> replaced, List<PluginInfo> outranked) {
    }

    private void checkTarget(Path source, Path target, PluginStaging.Origin origin) throws InstallException {
        if (target.equals(bundled)) {
            throw new InstallException(target + " is the distribution's own plugins folder: it holds the bundled "
                    + "plugins and is replaced on upgrade; run plugins install from the folder you run autoscalebot "
                    + "from (it installs into ./plugins there), or name another folder with --plugins-dir");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InstallException(target + " is a file, not a folder; name the plugins folder with "
                    + "--plugins-dir");
        }
        if (origin == PluginStaging.Origin.FOLDER && target.startsWith(normalized(source))) {
            throw new InstallException(source + ": holds the plugins folder " + target + " itself; give the plugin's "
                    + "own folder (the plugin jar and its libraries)");
        }
    }

    /** Loads the staged plugin alone, as {@code run} would. */
    private PluginInfo check(PluginStaging.Staged staged, Path staging) throws InstallException {
        List<PluginInfo> found = loader.load(List.of(staging)).plugins();
        if (found.isEmpty()) {
            throw new InstallException(staged.shownAs() + ": holds no plugin jar; a plugin folder holds the plugin "
                    + "jar and its libraries next to each other");
        }
        PluginInfo candidate = found.get(0);
        if (candidate.status() != PluginInfo.Status.LOADED) {
            throw new InstallException(staged.relabel(candidate.problem()) + " (nothing was installed)");
        }
        return candidate;
    }

    private Conflicts conflicts(PluginInfo candidate, PluginStaging.Staged staged, Path target, boolean replace,
                                List<Path> directories, PluginCatalog installed) throws InstallException {
        List<PluginInfo> replaced = new ArrayList<>();
        List<PluginInfo> outranked = new ArrayList<>();
        for (PluginInfo other : installed.plugins()) {
            if (other.location() == null) {
                continue;
            }
            boolean sameId = other.id().equals(candidate.id());
            Optional<Component> clash = sameId ? Optional.empty() : sharedComponent(candidate, other);
            if (!sameId && clash.isEmpty()) {
                continue;
            }
            boolean inTarget = target.equals(other.location().getParent());
            if (sameId && !inTarget && !wins(candidate, other, target, directories)) {
                throw new InstallException(staged.shownAs() + ": version " + candidate.version() + " would not be "
                        + "used: " + other.location() + " has plugin id '" + other.id() + "' and version "
                        + other.version() + ", and of two plugins with one id the highest version is used; "
                        + (isBundled(other) ? "install a version above " + other.version()
                                : "remove that one first with: autoscalebot plugins remove " + other.id()
                                        + " --plugins-dir " + other.location().getParent()));
            }
            if (!replace || clash.isPresent() && !inTarget) {
                throw new InstallException(staged.shownAs() + ": " + taken(candidate, other, clash, inTarget, replace));
            }
            if (inTarget) {
                replaced.add(other);
            } else {
                outranked.add(other);
            }
        }
        Path destination = target.resolve(staged.name());
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)
                && replaced.stream().noneMatch(old -> destination.equals(old.location()))) {
            throw new InstallException(staged.shownAs() + ": " + destination + " already exists and is another "
                    + "plugin or file; rename what you install, or remove that one first");
        }
        return new Conflicts(replaced, outranked);
    }

    private String taken(PluginInfo candidate, PluginInfo other, Optional<Component> clash, boolean inTarget,
                         boolean replace) {
        String where = other.location() + (isBundled(other) ? ", bundled with autoscalebot" : "");
        if (clash.isEmpty()) {
            return "plugin id '" + candidate.id() + "' is already taken by " + where + " (version " + other.version()
                    + "); add --replace to install version " + candidate.version()
                    + (inTarget ? " in its place" : " beside it (the highest version is used)");
        }
        String component = clash.get().kind().label() + " '" + clash.get().id() + "'";
        String fix;
        if (inTarget && !replace) {
            fix = "add --replace to install it in that plugin's place";
        } else if (isBundled(other)) {
            fix = "a bundled plugin cannot be replaced by another; ask the plugin's author to give the component "
                    + "its own id";
        } else {
            fix = "remove that plugin first with: autoscalebot plugins remove " + other.id() + " --plugins-dir "
                    + other.location().getParent();
        }
        return component + " is already provided by plugin '" + other.id() + "' (" + where + "); " + fix;
    }

    private static Optional<Component> sharedComponent(PluginInfo candidate, PluginInfo other) {
        return other.components().stream()
                .filter(theirs -> candidate.components().stream()
                        .anyMatch(ours -> ours.kind() == theirs.kind() && ours.id().equals(theirs.id())))
                .findFirst();
    }

    /** Whether {@link Precedence} would pick the candidate, installed in {@code target}, over {@code other}. */
    private static boolean wins(PluginInfo candidate, PluginInfo other, Path target, List<Path> directories) {
        if (other.status() == PluginInfo.Status.INCOMPATIBLE) {
            return true;
        }
        int order = PluginVersion.compare(candidate.version(), other.version());
        return order > 0 || order == 0
                && directories.indexOf(target) < directories.indexOf(other.location().getParent());
    }

    private boolean isBundled(PluginInfo plugin) {
        return bundled != null && bundled.equals(plugin.location().getParent());
    }

    /** Moves what is replaced aside, then the new plugin in; if that fails, puts the old ones back. */
    private static void commit(Path staged, Path destination, List<PluginInfo> replaced, Path staging)
            throws IOException {
        Path aside = Files.createDirectory(staging.resolve(".replaced"));
        List<Path[]> moved = new ArrayList<>();
        try {
            for (PluginInfo old : replaced) {
                Path away = aside.resolve(moved.size() + "-" + old.location().getFileName());
                Files.move(old.location(), away, StandardCopyOption.ATOMIC_MOVE);
                moved.add(new Path[] {old.location(), away});
            }
            Files.move(staged, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            for (int index = moved.size() - 1; index >= 0; index--) {
                try {
                    Files.move(moved.get(index)[1], moved.get(index)[0], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restoreFailed) {
                    e.addSuppressed(restoreFailed);
                }
            }
            throw e;
        }
    }

    static String components(PluginInfo plugin) {
        return plugin.components().isEmpty() ? "no components" : plugin.components().stream()
                .map(component -> component.kind().label() + " " + component.id())
                .collect(Collectors.joining(", "));
    }

    static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** Deletes a file or a folder with everything in it, following no link; best effort, for clean-up. */
    static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            System.getLogger(PluginInstaller.class.getName()).log(System.Logger.Level.DEBUG,
                    "could not delete " + path + ": " + e);
        }
    }
}
