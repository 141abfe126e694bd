package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts what a user hands to {@code plugins install} into a staging folder as the jar or plugin folder it will be
 * installed as: a jar is copied, a folder copied without its hidden files, an archive unpacked by {@link PluginArchive}
 * and its plugin folder found. Nothing is checked here beyond the layout; {@link PluginInstaller} then loads the result.
 */
final class PluginStaging {

    private final PluginArchive.Limits limits;

    PluginStaging(PluginArchive.Limits limits) {
        this.limits = limits;
    }

    /** What the user handed over. */
    enum Origin { JAR, FOLDER, ZIP, TAR_GZ }

    /**
     * The plugin copied into the staging folder.
     *
     * @param path the staged jar or folder, named as it will be installed
     * @param shownAs the source as the user named it, for messages
     * @param inner for an archive, its folder holding the plugin ({@code ""} when at its top); else {@code null}
     */
    record Staged(Path path, String shownAs, String inner) {

        String name() {
            return path.getFileName().toString();
        }

        /** Rewrites a loader message about the staged copy to name what the user gave instead. */
        String relabel(String message) {
            String within = inner == null ? shownAs + "/" : shownAs + "!/" + (inner.isEmpty() ? "" : inner + "/");
            return message.replace(path + "/", within).replace(path.toString(), shownAs);
        }
    }

    /**
     * @param source what the user gave
     * @return what it is, by its type and name
     * @throws InstallException when it does not exist, cannot be read, or is none of a jar, folder or archive
     */
    static Origin origin(Path source) throws InstallException {
        if (!Files.exists(source)) {
            throw new InstallException(source + ": no such file or folder; give the path of a plugin jar, a plugin "
                    + "folder, or a .zip, .tar.gz or .tgz of a plugin folder");
        }
        if (!Files.isReadable(source)) {
            throw new InstallException(source + ": cannot be read (permission denied); check its permissions");
        }
        if (Files.isDirectory(source)) {
            return Origin.FOLDER;
        }
        if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".jar")) {
            return Origin.JAR;
        }
        Optional<PluginArchive.Format> format = PluginArchive.Format.of(source);
        if (Files.isRegularFile(source) && format.isPresent()) {
            return format.get() == PluginArchive.Format.ZIP ? Origin.ZIP : Origin.TAR_GZ;
        }
        throw new InstallException(source + ": not a plugin; give a plugin .jar, a plugin folder (the plugin jar and "
                + "its libraries), or a .zip, .tar.gz or .tgz of a plugin folder");
    }

    /**
     * Copies or unpacks the source into {@code staging}, as the one entry there that is not hidden.
     *
     * @throws InstallException when it holds no plugin jar, is unsafe or too large, or has a hidden name
     */
    Staged stage(Path source, Origin origin, Path staging) throws IOException, InstallException {
        String shownAs = source.toString();
        switch (origin) {
            case JAR -> {
                String name = checkName(source.getFileName().toString(), shownAs);
                return new Staged(Files.copy(source, staging.resolve(name)), shownAs, null);
            }
            case FOLDER -> {
                Path folder = PluginInstaller.normalized(source);
                String name = checkName(folder.getFileName() == null ? "" : folder.getFileName().toString(),
                        shownAs);
                if (topLevelJars(folder).isEmpty()) {
                    throw new InstallException(shownAs + ": holds no jar; a plugin folder holds the plugin jar and "
                            + "its libraries next to each other");
                }
                Path copy = staging.resolve(name);
                copyFolder(folder, copy, shownAs);
                return new Staged(copy, shownAs, null);
            }
            default -> {
                return unpack(source, origin, staging, shownAs);
            }
        }
    }

    /**
     * Unpacks an archive and finds its plugin folder: one folder at its top (as {@code tar -czf acme.tgz acme}
     * makes), or the top itself when the jars are there (then named after the archive).
     */
    private Staged unpack(Path source, Origin origin, Path staging, String shownAs)
            throws IOException, InstallException {
        // Hidden, so that the loader never takes what the archive holds for a plugin before it is laid out.
        Path unpacked = Files.createDirectory(staging.resolve(".unpacked"));
        PluginArchive.unpack(source, origin == Origin.ZIP ? PluginArchive.Format.ZIP : PluginArchive.Format.TAR_GZ,
                unpacked, limits, shownAs);
        List<Path> top = visibleEntries(unpacked);
        Path root;
        String inner;
        String name;
        if (top.size() == 1 && Files.isDirectory(top.get(0), LinkOption.NOFOLLOW_LINKS)) {
            root = top.get(0);
            inner = root.getFileName().toString();
            name = inner;
        } else if (!topLevelJars(unpacked).isEmpty()) {
            root = unpacked;
            inner = "";
            name = PluginArchive.Format.baseName(source);
        } else {
            throw new InstallException(shownAs + ": holds neither jars at its top nor one folder holding them; pack "
                    + "the plugin folder (the plugin jar and its libraries), like: tar -czf acme.tar.gz acme");
        }
        Path staged = staging.resolve(checkName(name, shownAs));
        Files.move(root, staged);
        return new Staged(staged, shownAs, inner);
    }

    /** Copies a plugin folder, leaving out hidden files (the loader ignores them) and within the archive limits. */
    private void copyFolder(Path folder, Path copy, String shownAs) throws IOException, InstallException {
        long[] totals = new long[2];
        InstallException[] refused = new InstallException[1];
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(folder) && isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(folder.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (isHidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                // A link to a jar (from a Maven repository, say) is copied as the jar; anything else is refused.
                if (!Files.isRegularFile(file)) {
                    refused[0] = new InstallException(shownAs + ": " + folder.relativize(file) + " is not a plain "
                            + "file or folder (a link to a folder, a device...); a plugin folder holds jars only");
                    return FileVisitResult.TERMINATE;
                }
                totals[0]++;
                totals[1] += Files.size(file);
                if (totals[0] > limits.maxEntries() || totals[1] > limits.maxBytes()) {
                    refused[0] = new InstallException(shownAs + ": holds more than " + limits.maxEntries()
                            + " files or " + limits.maxBytes() / (1024 * 1024) + " MiB, far more than a plugin "
                            + "folder; give the plugin's own folder (the plugin jar and its libraries)");
                    return FileVisitResult.TERMINATE;
                }
                Files.copy(file, copy.resolve(folder.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
    }

    private static String checkName(String name, String shownAs) throws InstallException {
        if (name.isEmpty() || name.startsWith(".")) {
            throw new InstallException(shownAs + ": would be installed as '" + name + "', a hidden name the loader "
                    + "passes over; rename it without the leading dot");
        }
        return name;
    }

    private static List<Path> topLevelJars(Path folder) throws IOException {
        return visibleEntries(folder).stream()
                .filter(entry -> Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar"))
                .toList();
    }

    private static List<Path> visibleEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> !isHidden(entry)).sorted().toList();
        }
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
