package io.autoscalebot.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the TOML configurations the tests run, from parts: each part is one table, so a test names only what it is
 * about (the plugins and the settings that matter) and the TOML syntax lives here once.
 */
final class Configs {

    private Configs() {
    }

    /** @return the file, holding the parts one after another */
    static Path write(Path file, String... parts) {
        try {
            return Files.writeString(file, String.join("\n", parts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code state_dir = "DIR"}, the top-level part: it must come first */
    static String stateDir(Path directory) {
        return "state_dir = " + value(directory) + "\n";
    }

    /**
     * @param settings more group keys, as name, value, name, value (like {@code "interval", "1s"})
     * @return a {@code [groups.NAME]} table
     */
    static String group(String name, int min, int max, Object... settings) {
        return "[groups." + name + "]\nmin = " + min + "\nmax = " + max + "\n" + keyValues(settings);
    }

    /**
     * @param kind {@code measure}, {@code decide} or {@code scale}
     * @param settings the plugin's settings, as name, value, name, value
     * @return a {@code [groups.GROUP.KIND]} table
     */
    static String component(String group, String kind, String plugin, Object... settings) {
        return "[groups." + group + "." + kind + "]\nplugin = " + value(plugin) + "\n" + keyValues(settings);
    }

    /** @return the third-party {@code file-value} measure reading the number in {@code file} */
    static String fileValue(String group, Path file) {
        return component(group, "measure", "file-value", "path", file);
    }

    /** @return the {@code local} scale, each copy a shell sleeping that long: a process that does nothing, and lasts */
    static String localSleep(String group, int seconds) {
        return component(group, "scale", "local", "command", List.of("sh", "-c", "sleep " + seconds));
    }

    /** @return a {@code [[groups.GROUP.notify]]} table for the {@code test} notifier, appending JSON lines to file */
    static String testNotifier(String group, Path file) {
        return "[[groups." + group + ".notify]]\nplugin = \"test\"\nfile = " + value(file) + "\n";
    }

    private static String keyValues(Object... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in pairs of name and value");
        }
        StringBuilder lines = new StringBuilder();
        for (int index = 0; index < settings.length; index += 2) {
            lines.append(settings[index]).append(" = ").append(value(settings[index + 1])).append('\n');
        }
        return lines.toString();
    }

    static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Configs::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
