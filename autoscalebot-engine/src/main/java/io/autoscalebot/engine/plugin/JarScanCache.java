package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What reading a jar's classes found (the packages they refer to, see {@link PluginLayers}), kept between runs in the
 * user's cache folder, {@code ${XDG_CACHE_HOME:-$HOME/.cache}/autoscalebot/jar-scans}, beside the launcher's
 * class-data archives. Reading every class of Jedis, which three bundled plugins carry, was a fifth of what loading
 * the bundled plugins cost each short command (issue 11); the answer only changes when the jar or the engine does.
 *
 * <p>An entry is one small file per jar, holding the key it was made under: the jar's absolute path, size, modified
 * time and file key (inode), and the engine's jar and the JDK as they are now. It is used only when every line of that
 * key matches the jar and engine as they are, so a jar replaced, rewritten or copied elsewhere, a new engine or a new
 * JDK is read again; anything unreadable or malformed counts as no entry. (A jar rewritten in place to the same size
 * with its modified time set back is not noticed: like the content key of {@link PluginLayers}, this keeps honest
 * plugins to the contract and is no sandbox, since a plugin's code runs with the engine's permissions anyway.) Entries
 * of jars since removed stay behind, a few kilobytes at most each. Entries are written to a temporary file and
 * renamed into place, so runs at the same time never see half an entry; a cache that cannot be written costs only
 * the reading it would have saved.
 */
final class JarScanCache {

    private static final String FORMAT = "autoscalebot jar scan 1";
    private static final String PACKAGES = "packages=";

    /** @see #none() */
    private static final JarScanCache NONE = new JarScanCache(null);

    private final Path directory;
    /** The engine and JDK lines of every key, told once a jar needs a key (most loads have no jar to check). */
    private String engine;

    /** @param directory where entries are kept, or {@code null} for none */
    JarScanCache(Path directory) {
        this.directory = directory;
    }

    /** A cache that keeps nothing: each load reads the jars it needs. */
    static JarScanCache none() {
        return NONE;
    }

    /** The cache in the user's cache folder; none when there is no home to put it in. */
    static JarScanCache inUserCache() {
        return userCacheFolder("jar-scans").map(JarScanCache::new).orElse(NONE);
    }

    /**
     * @param name a folder of autoscalebot's in the user's cache
     * @return {@code ${XDG_CACHE_HOME:-$HOME/.cache}/autoscalebot/NAME}, where the launcher keeps its archives; empty
     *     when there is no home to put it in
     */
    static Optional<Path> userCacheFolder(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Optional.of(Path.of(xdg, "autoscalebot", name));
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isEmpty() || home.equals("?")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, ".cache", "autoscalebot", name));
    }

    /**
     * @param jar a jar file
     * @return its key as the jar is now, or empty when it cannot be told (no cache, or its attributes unreadable)
     */
    Optional<Key> key(Path jar) {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            if (engine == null) {
                engine = engineAndJdk();
            }
            Path absolute = jar.toAbsolutePath().normalize();
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            String text = FORMAT + "\njar=" + absolute + "\nsize=" + attributes.size() + "\nmodified="
                    + attributes.lastModifiedTime() + "\nfile=" + attributes.fileKey() + "\n" + engine + "\n";
            // A path with a line break could forge the lines after it: such a jar is simply not cached.
            return absolute.toString().indexOf('\n') >= 0 || absolute.toString().indexOf('\r') >= 0
                    ? Optional.empty() : Optional.of(new Key(absolute, text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the packages kept for the jar under exactly this key; empty when none, stale or unreadable */
    Optional<Set<String>> packagesUsed(Key key) {
        try {
            String entry = Files.readString(entryFile(key), StandardCharsets.UTF_8);
            if (!entry.startsWith(key.text())) {
                return Optional.empty();
            }
            String rest = entry.substring(key.text().length());
            if (!rest.startsWith(PACKAGES) || !rest.endsWith("\n") || rest.indexOf('\n') != rest.length() - 1) {
                return Optional.empty();
            }
            String list = rest.substring(PACKAGES.length(), rest.length() - 1);
            return Optional.of(list.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(list.split(",", -1))));
        } catch (IOException | RuntimeException e) {
            // Missing, unreadable, not UTF-8: as if never cached.
            return Optional.empty();
        }
    }

    /** Keeps the packages found for the jar under its key; a failure to write is ignored. */
    void keep(Key key, Set<String> packages) {
        write(directory, entryFile(key), key.text() + PACKAGES + String.join(",", new TreeSet<>(packages)) + "\n");
    }

    /**
     * Writes a cache entry through a temporary file renamed into place, so a run at the same time never reads half of
     * it; a failure to write is ignored, since it only costs the next run the work the entry would have saved.
     */
    static void write(Path directory, Path file, String text) {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, ".entry", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | RuntimeException e) {
            // Only speed is lost: the next run does the work again.
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Left behind in a cache folder; harmless.
                }
            }
        }
    }

    /** One file per jar path; two paths sharing a name and hash overwrite each other, which costs a read, not truth. */
    private Path entryFile(Key key) {
        String name = key.jar().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        // The engine and JDK in the name too: two JDKs used in turn (a user's, CI's) keep an entry each rather than
        // replacing each other's at every run.
        return directory.resolve(Integer.toHexString(key.jar().toString().hashCode()) + "-"
                + Integer.toHexString(engine.hashCode()) + "-" + name + ".txt");
    }

    /**
     * The engine's own jar (its classes decide what a scan finds) and the JDK (a multi-release jar lists different
     * classes on another release), as lines of an entry's key.
     */
    static String engineAndJdk() {
        String engine = "unknown";
        try {
            CodeSource source = JarScanCache.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path location = Path.of(source.getLocation().toURI());
                BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
                engine = location + " " + attributes.size() + " " + attributes.lastModifiedTime();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Keyed as unknown: entries still need the jar itself unchanged, and the JDK below.
        }
        return String.join("\n", List.of("engine=" + engine.replace('\n', ' '),
                "java=" + Runtime.version() + " " + System.getProperty("java.home", "").replace('\n', ' ')));
    }

    /**
     * @param jar the jar's absolute path
     * @param text the key's lines, as written at the head of the jar's entry
     */
    record Key(Path jar, String text) {
    }
}
