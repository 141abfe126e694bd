package io.autoscalebot.dist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what the CLI writes for machines: {@code plugins list --json}, and the {@code test} notifier's JSON lines. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * @param listing the output of {@code plugins list --json}
     * @param fileName the name of the plugin's jar or folder
     * @return that plugin's entry
     * @throws AssertionError when no plugin was found at a location with that name
     */
    static JsonNode pluginAt(String listing, String fileName) {
        for (JsonNode plugin : parse(listing).path("plugins")) {
            if (Path.of(plugin.path("location").asText("")).getFileName().toString().equals(fileName)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin at a location named " + fileName + " in:\n" + listing);
    }

    /**
     * @param file the {@code file} of a {@code test} notifier: one JSON object per line
     * @return the notifications sent, oldest first; none when the file does not exist
     */
    static List<JsonNode> notifications(Path file) {
        List<JsonNode> notifications = new ArrayList<>();
        if (!Files.exists(file)) {
            return notifications;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    notifications.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notifications;
    }

    /** @return the notifications of one type (SCALE, MEASUREMENT, ...), oldest first */
    static List<JsonNode> notifications(Path file, String type) {
        return notifications(file).stream().filter(n -> n.path("type").asText().equals(type)).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + e.getOriginalMessage() + " in:\n" + json, e);
        }
    }
}
