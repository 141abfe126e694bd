package io.autoscalebot.dist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Celery task messages as Celery 5 publishes them through kombu's Redis transport, for a broker's queue lists. */
final class CeleryTasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CeleryTasks() {
    }

    /** @return an {@code add.delay(2, 2)} message: a JSON envelope with Celery's headers and a base64 body */
    static String task(String queue, int priority) {
        String id = UUID.randomUUID().toString();
        ObjectNode message = JSON.createObjectNode();
        message.put("body", Base64.getEncoder().encodeToString(
                "[[2, 2], {}, {\"callbacks\": null, \"errbacks\": null, \"chain\": null, \"chord\": null}]"
                        .getBytes(StandardCharsets.UTF_8)));
        message.put("content-encoding", "utf-8");
        message.put("content-type", "application/json");
        message.putObject("headers").put("lang", "py").put("task", "tasks.add").put("id", id).put("root_id", id);
        ObjectNode properties = message.putObject("properties");
        properties.put("correlation_id", id).put("delivery_mode", 2).put("priority", priority)
                .put("body_encoding", "base64").put("delivery_tag", UUID.randomUUID().toString());
        properties.putObject("delivery_info").put("exchange", "").put("routing_key", queue);
        return message.toString();
    }
}
