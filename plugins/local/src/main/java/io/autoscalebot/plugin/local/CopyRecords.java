package io.autoscalebot.plugin.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The copies running now, kept in {@code copies.properties} in the plugin's state directory so that a start after a
 * crash (kill -9, power loss of the JVM only) finds the copies the crashed run left behind. Each copy is recorded with
 * its pid, its start time as the operating system reports it and the command it runs: a pid alone may have been reused
 * by an unrelated process since.
 */
final class CopyRecords {

    static final String FILE = "copies.properties";

    /**
     * One recorded copy.
     *
     * @param index its INDEX
     * @param pid its process id
     * @param started its start time as {@link ProcessHandle.Info#startInstant()} reported it
     * @param command the configured command it was started with
     */
    record Entry(int index, long pid, Instant started, List<String> command) {

        /** Copies the command. */
        Entry {
            command = List.copyOf(command);
        }
    }

    private final Path file;

    CopyRecords(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /** @return where the records are kept, for messages */
    Path file() {
        return file;
    }

    /**
     * @return the recorded copies; none when nothing was recorded
     * @throws IOException if the file exists but cannot be read or is not a records file
     */
    List<Entry> load() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            indexes.add(parseInt(key.substring(0, Math.max(0, key.indexOf('.'))), key));
        }
        List<Entry> entries = new ArrayList<>();
        for (int index : indexes) {
            String prefix = index + ".";
            List<String> command = new ArrayList<>();
            for (int i = 0; properties.containsKey(prefix + "command." + i); i++) {
                command.add(properties.getProperty(prefix + "command." + i));
            }
            try {
                entries.add(new Entry(index, Long.parseLong(required(properties, prefix + "pid")),
                        Instant.parse(required(properties, prefix + "started")), command));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IOException("copy " + index + " has an unreadable pid or start time: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /**
     * Replaces the records with these copies, atomically: a crash while writing leaves the previous records whole.
     *
     * @param copies the copies running now
     * @throws IOException if the file cannot be written
     */
    void save(Collection<Entry> copies) throws IOException {
        Properties properties = new Properties();
        for (Entry copy : copies) {
            properties.setProperty(copy.index() + ".pid", String.valueOf(copy.pid()));
            properties.setProperty(copy.index() + ".started", copy.started().toString());
            for (int i = 0; i < copy.command().size(); i++) {
                properties.setProperty(copy.index() + ".command." + i, copy.command().get(i));
            }
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "copies of the local plugin's command running now; autoscalebot rewrites this");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String required(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException("missing " + key);
        }
        return value;
    }

    private static int parseInt(String text, String key) throws IOException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("unexpected key " + key, e);
        }
    }
}
