package io.autoscalebot.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.context.ScaleRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of a {@link GroupState}. Written through Jackson's tree model rather than data binding, so the file
 * format is spelled out here and needs no reflective access to the records (the engine runs on the module path).
 */
final class StateJson {

    /** Bumped when the format changes incompatibly; older files are then read as a fresh start. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StateJson() {
    }

    static byte[] write(GroupState state) throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        state.lastScale().ifPresent(scale -> root.set("lastScale", scale(scale)));
        ArrayNode recent = root.putArray("recentScales");
        state.recentScales().forEach(scale -> recent.add(scale(scale)));
        ArrayNode conditions = root.putArray("activeConditions");
        state.activeConditions().stream().sorted().forEach(type -> conditions.add(type.name()));
        return MAPPER.writeValueAsBytes(root);
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not a state file this engine wrote
     */
    static GroupState read(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("unknown format version " + root.path("version")
                    + " (this engine reads version " + VERSION + ")");
        }
        Optional<ScaleEvent> last = root.hasNonNull("lastScale")
                ? Optional.of(scale(root.get("lastScale"))) : Optional.empty();
        List<ScaleEvent> recent = new ArrayList<>();
        root.path("recentScales").forEach(node -> recent.add(scale(node)));
        Set<EventType> conditions = EnumSet.noneOf(EventType.class);
        root.path("activeConditions").forEach(node -> conditions.add(EventType.valueOf(node.asText())));
        return new GroupState(last, recent, conditions);
    }

    private static ObjectNode scale(ScaleEvent scale) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("time", scale.time().toString());
        node.put("from", scale.from());
        node.put("to", scale.to());
        return node;
    }

    private static ScaleEvent scale(JsonNode node) {
        if (!node.path("time").isTextual() || !node.path("from").isInt() || !node.path("to").isInt()) {
            throw new IllegalArgumentException("a scale needs \"time\", \"from\" and \"to\", got " + node);
        }
        return new ScaleRecord(Instant.parse(node.get("time").asText()), node.get("from").asInt(),
                node.get("to").asInt());
    }
}
