package io.autoscalebot.plugin.celeryredis;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Builds task messages exactly as Celery 5 (message protocol v2) and kombu's Redis transport store them: a JSON
 * envelope with a base64 body, Celery's headers, and kombu's properties with delivery info.
 */
final class CeleryMessages {

    private CeleryMessages() {
    }

    /** @return a message as {@code add.delay(2, 2)} publishes it: no publish time anywhere */
    static String task(String queue) {
        return envelope(queue, 0, null, null).toString();
    }

    /** @return a message whose publisher set the AMQP timestamp property, as {@code apply_async(timestamp=...)} does */
    static String publishedAt(String queue, int priority, Instant published) {
        return envelope(queue, priority, published, null).toString();
    }

    /** @return a message sent with {@code apply_async(eta=...)}, which Celery records in the {@code eta} header */
    static String dueAt(String queue, Instant eta) {
        return envelope(queue, 0, null, eta).toString();
    }

    private static JsonObject envelope(String queue, int priority, Instant published, Instant eta) {
        String id = UUID.randomUUID().toString();
        String body = "[[2, 2], {}, {\"callbacks\": null, \"errbacks\": null, \"chain\": null, \"chord\": null}]";

        JsonObject headers = new JsonObject();
        headers.addProperty("lang", "py");
        headers.addProperty("task", "tasks.add");
        headers.addProperty("id", id);
        headers.add("shadow", JsonNull.INSTANCE);
        // Python's datetime.isoformat() of an aware UTC time.
        headers.addProperty("eta", eta == null ? null : eta.atOffset(java.time.ZoneOffset.UTC).toString());
        headers.add("expires", JsonNull.INSTANCE);
        headers.add("group", JsonNull.INSTANCE);
        headers.add("group_index", JsonNull.INSTANCE);
        headers.addProperty("retries", 0);
        JsonArray timelimit = new JsonArray();
        timelimit.add(JsonNull.INSTANCE);
        timelimit.add(JsonNull.INSTANCE);
        headers.add("timelimit", timelimit);
        headers.addProperty("root_id", id);
        headers.add("parent_id", JsonNull.INSTANCE);
        headers.addProperty("argsrepr", "(2, 2)");
        headers.addProperty("kwargsrepr", "{}");
        headers.addProperty("origin", "gen4242@worker-host");
        headers.addProperty("ignore_result", false);

        JsonObject deliveryInfo = new JsonObject();
        deliveryInfo.addProperty("exchange", "");
        deliveryInfo.addProperty("routing_key", queue);
        JsonObject properties = new JsonObject();
        properties.addProperty("correlation_id", id);
        properties.addProperty("reply_to", UUID.randomUUID().toString());
        properties.addProperty("delivery_mode", 2);
        properties.add("delivery_info", deliveryInfo);
        properties.addProperty("priority", priority);
        properties.addProperty("body_encoding", "base64");
        properties.addProperty("delivery_tag", UUID.randomUUID().toString());
        if (published != null) {
            properties.addProperty("timestamp", published.toEpochMilli() / 1000.0);
        }

        JsonObject message = new JsonObject();
        message.addProperty("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        message.addProperty("content-encoding", "utf-8");
        message.addProperty("content-type", "application/json");
        message.add("headers", headers);
        message.add("properties", properties);
        return message;
    }

    /** @return the value kombu stores in its {@code unacked} hash: {@code [message, exchange, routing_key]} */
    static String unacked(String queue) {
        JsonArray entry = new JsonArray();
        entry.add(envelope(queue, 0, null, null));
        entry.add("");
        entry.add(queue);
        return entry.toString();
    }
}
