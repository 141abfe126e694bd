package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Removes an installed plugin, for {@code autoscalebot plugins remove ID}. The id is a plugin id
 * ({@code threshold}) or, when no plugin has that id, a component id ({@code consecutive-threshold}): the plugin
 * offering it is removed, with all its components, and the summary says so. Every copy in the user's plugin directories goes; the plugins bundled in
 * the distribution's own {@code plugins/} are never removed. Each copy is first renamed into a hidden folder beside it,
 * so it disappears at once, then deleted.
 */
public final class PluginRemover {

    private static final String REMOVING_PREFIX = ".autoscalebot-remove-";

    private final List<Path> directories;
    private final Path bundled;

    /**
     * @param directories the user's plugin directories, which plugins may be removed from
     * @param bundled the distribution's own {@code plugins/}, never removed from; {@code null} when unknown
     */
    public PluginRemover(List<Path> directories, Path bundled) {
        this.bundled = bundled == null ? null : PluginInstaller.normalized(bundled);
        this.directories = directories.stream().map(PluginInstaller::normalized)
                .filter(directory -> !directory.equals(this.bundled)).toList();
    }

    /**
     * What a removal did.
     *
     * @param requested the id the user gave
     * @param byComponent whether it was a component id rather than a plugin id
     * @param removed the plugins removed, at their former locations
     * @param remaining plugins with the same plugin id that stay (bundled ones)
     */
    public record Removal(String requested, boolean byComponent, List<PluginInfo> removed,
                          List<PluginInfo> remaining) {

        /** @return what happened, one line each, for the user */
        public List<String> summary() {
            List<String> lines = new ArrayList<>();
            if (byComponent) {
                lines.add("'" + requested + "' is a component of plugin '" + removed.get(0).id() + "'");
            }
            removed.forEach(plugin -> lines.add("removed plugin '" + plugin.id() + "' version " + plugin.version()
                    + " (" + PluginInstaller.components(plugin) + ") from " + plugin.location()));
            remaining.forEach(plugin -> lines.add("still installed, bundled with autoscalebot: plugin '" + plugin.id()
                    + "' version " + plugin.version() + " at " + plugin.location()));
            return lines;
        }
    }

    /**
     * Removes a plugin.
     *
     * @param catalog the plugins found in every directory {@code run} searches
     * @param id a plugin id, or a component id
     * @return what was removed
     * @throws InstallException when no installed plugin has that id, it is bundled, or it cannot be deleted
     */
    public Removal remove(PluginCatalog catalog, String id) throws InstallException {
        List<PluginInfo> matches = catalog.plugins().stream()
                .filter(plugin -> plugin.location() != null && plugin.id().equals(id)).toList();
        boolean byComponent = matches.isEmpty();
        if (byComponent) {
            matches = catalog.plugins().stream()
                    .filter(plugin -> plugin.location() != null && plugin.status() == PluginInfo.Status.LOADED)
                    .filter(plugin -> plugin.components().stream().anyMatch(component -> component.id().equals(id)))
                    .toList();
        }
        if (matches.isEmpty()) {
            throw new InstallException("no installed plugin has the id or component id '" + id + "'; "
                    + installed(catalog));
        }
        List<String> pluginIds = matches.stream().map(PluginInfo::id).distinct().toList();
        if (pluginIds.size() > 1) {
            throw new InstallException("'" + id + "' is a component of several plugins (" + String.join(", ",
                    pluginIds) + "); give the plugin id of the one to remove");
        }
        List<PluginInfo> removable = matches.stream().filter(this::isRemovable).toList();
        List<PluginInfo> bundledOnes = matches.stream().filter(this::isBundled).toList();
        if (removable.isEmpty()) {
            PluginInfo plugin = matches.get(0);
            String which = byComponent ? "'" + id + "' is a component of plugin '" + plugin.id() + "', which"
                    : "plugin '" + id + "'";
            String where = bundledOnes.isEmpty() ? "is in none of the plugin directories it can be removed from ("
                    + directoryList() + ")" : "is bundled with autoscalebot (" + plugin.location() + ") and cannot be "
                    + "removed; stop using it in your configuration instead, or install a newer version over it "
                    + "with plugins install --replace";
            throw new InstallException(which + " " + where);
        }
        for (PluginInfo plugin : removable) {
            delete(plugin.location());
        }
        return new Removal(id, byComponent, removable, bundledOnes);
    }

    private boolean isRemovable(PluginInfo plugin) {
        return directories.contains(plugin.location().getParent());
    }

    private boolean isBundled(PluginInfo plugin) {
        return bundled != null && bundled.equals(plugin.location().getParent());
    }

    private String installed(PluginCatalog catalog) {
        List<String> installed = catalog.plugins().stream()
                .filter(plugin -> plugin.location() != null && isRemovable(plugin))
                .map(plugin -> plugin.id() + " (" + PluginInstaller.components(plugin) + ")")
                .toList();
        return installed.isEmpty()
                ? "no plugins are installed in " + directoryList() + " (bundled plugins cannot be removed)"
                : "installed in " + directoryList() + ": " + String.join("; ", installed);
    }

    private String directoryList() {
        return directories.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static void delete(Path location) throws InstallException {
        Path parent = location.getParent();
        Path removing = null;
        try {
            removing = Files.createTempDirectory(parent, REMOVING_PREFIX);
            Files.move(location, removing.resolve(location.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (removing != null) {
                PluginInstaller.deleteQuietly(removing);
            }
            throw new InstallException(location + ": could not be removed (" + JdkFailures.detail(e)
                    + "); check the permissions of " + parent);
        }
        PluginInstaller.deleteQuietly(removing);
    }
}
