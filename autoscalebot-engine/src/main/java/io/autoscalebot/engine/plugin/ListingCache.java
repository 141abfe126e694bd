package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.ApiVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The last {@code plugins list} of a set of plugin folders, kept between runs in the user's cache folder
 * ({@code ${XDG_CACHE_HOME:-$HOME/.cache}/autoscalebot/listings}). Making a layer for each of the 19 bundled plugins
 * and creating their providers was most of what the command cost (issue 11); the answer only changes when a plugin
 * folder, the engine or the JDK does.
 *
 * <p>A listing is kept under its key: every file and folder under each plugin folder searched (path, size, modified
 * time and file key, links followed), the engine's jar, the JDK and the API version. It is used only when the key
 * made now is the same, line for line: a plugin installed, removed, replaced or touched, a folder added to the search,
 * a new engine or JDK all list by loading again. Only a listing in which every plugin loaded is kept: a broken,
 * incompatible or duplicate plugin may be broken for a reason outside its files (a hung provider, a full disk), and
 * its message must come from a real attempt. The blind spot is that of {@link JarScanCache}: a file rewritten in place
 * at the same size with its modified time set back.
 */
public final class ListingCache {

    private static final String FORMAT = "autoscalebot plugin listing 1";

    private final Path directory;
    private final ApiVersion api;

    /**
     * @param directory where listings are kept, or {@code null} to keep none
     * @param api the API version plugins are loaded for
     */
    public ListingCache(Path directory, ApiVersion api) {
        this.directory = directory;
        this.api = Objects.requireNonNull(api, "api");
    }

    /** @return the cache in the user's cache folder (none without a home), for this engine's API */
    public static ListingCache inUserCache() {
        return new ListingCache(JarScanCache.userCacheFolder("listings").orElse(null), ApiVersion.CURRENT);
    }

    /**
     * @param directories the plugin folders, in order of precedence
     * @param load loads every plugin in them, when the listing must be made
     * @return the listing of every plugin found: the table, or its JSON form
     */
    public Listing listing(List<Path> directories, Supplier<PluginCatalog> load) {
        Optional<String> key = key(directories);
        Optional<Listing> kept = key.flatMap(this::read);
        if (kept.isPresent()) {
            return kept.get();
        }
        PluginCatalog catalog = load.get();
        Listing made = new Listing(PluginListing.table(catalog), PluginListing.json(catalog));
        // Kept only if every plugin loaded and nothing changed while they did.
        if (key.isPresent() && catalog.complete() && catalog.problems().isEmpty()
                && key.equals(key(directories))) {
            JarScanCache.write(directory, file(key.get()), key.get() + "table=" + made.table().length() + "\n"
                    + made.table() + "json=" + made.json().length() + "\n" + made.json());
        }
        return made;
    }

    /** @return the key for these folders as they are now; empty when there is no cache or they cannot be read */
    Optional<String> key(List<Path> directories) {
        if (directory == null) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder(FORMAT).append('\n').append(JarScanCache.engineAndJdk())
                .append("\napi=").append(api).append('\n');
        try {
            for (Path searched : directories) {
                Path folder = searched.toAbsolutePath().normalize();
                if (!oneLine(folder)) {
                    return Optional.empty();
                }
                key.append("folder=").append(folder).append('\n');
                if (!Files.exists(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
                    for (Path file : files.sorted().toList()) {
                        if (!oneLine(file)) {
                            return Optional.empty();
                        }
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        key.append(folder.relativize(file)).append(attributes.isDirectory() ? " d " : " f ")
                                .append(attributes.size()).append(' ').append(attributes.lastModifiedTime())
                                .append(' ').append(attributes.fileKey()).append('\n');
                    }
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // A folder that cannot be walked (a link loop, no permission): list by loading, as without a cache.
            return Optional.empty();
        }
        return Optional.of(key.toString());
    }

    /** A name with a line break could forge the key's lines after it: such folders are simply listed by loading. */
    private static boolean oneLine(Path path) {
        String text = path.toString();
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    }

    private Optional<Listing> read(String key) {
        try {
            String entry = Files.readString(file(key), StandardCharsets.UTF_8);
            if (!entry.startsWith(key)) {
                return Optional.empty();
            }
            int[] at = {key.length()};
            String table = part(entry, "table=", at);
            String json = part(entry, "json=", at);
            return at[0] == entry.length() ? Optional.of(new Listing(table, json)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Missing, unreadable, cut short or malformed: as if never kept.
            return Optional.empty();
        }
    }

    /** Reads {@code NAME=LENGTH\n} then LENGTH characters at {@code at[0]}, moving it past them. */
    private static String part(String entry, String name, int[] at) {
        if (!entry.startsWith(name, at[0])) {
            throw new IllegalArgumentException("no " + name);
        }
        int end = entry.indexOf('\n', at[0]);
        int length = Integer.parseInt(entry.substring(at[0] + name.length(), end));
        String text = entry.substring(end + 1, end + 1 + length);
        at[0] = end + 1 + length;
        return text;
    }

    /**
     * One file per list of folders searched (the key's folder lines), so each place a command runs from has its own,
     * and per engine, JDK and API (the lines before them), so two JDKs used in turn keep a listing each rather than
     * replacing each other's at every run.
     */
    private Path file(String key) {
        String folders = key.lines().filter(line -> line.startsWith("folder=")).reduce("", String::concat);
        String platform = key.substring(0, key.indexOf("\nfolder=") + 1);
        return directory.resolve(Integer.toHexString(folders.hashCode()) + "-" + folders.length() + "-"
                + Integer.toHexString(platform.hashCode()) + ".txt");
    }

    /**
     * @param table the listing as a table, as {@code plugins list} prints it
     * @param json the same as JSON, as {@code plugins list --json} prints it
     */
    public record Listing(String table, String json) {
    }
}
