package io.autoscalebot.plugin.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.notify.Notification;
import java.util.Map;

/**
 * The JSON body for one notification: a {@code text} that Slack (and Mattermost, Rocket.Chat, Google Chat) shows as
 * the message, followed by the notification's fields for any other receiver:
 * <pre>{@code
 * {"text": "web: scaled 2 -> 3 (...)", "type": "SCALE", "phase": "EVENT", "group": "web",
 *  "time": "2026-11-29T18:00:00.250Z", "message": "web: scaled 2 -> 3 (...)", "details": {"from": "2", "to": "3"}}
 * }</pre>
 */
final class Payload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payload() {
    }

    /**
     * @param notification what happened, secrets already redacted by the engine
     * @param textPrefix what goes with a space before the message in {@code text}, or empty
     * @return the body, UTF-8
     */
    static byte[] of(Notification notification, String textPrefix) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", textPrefix.isEmpty() ? notification.message() : textPrefix + " " + notification.message());
        body.put("type", notification.type().name());
        body.put("phase", notification.phase().name());
        body.put("group", notification.group());
        body.put("time", notification.time().toString());
        body.put("message", notification.message());
        ObjectNode details = body.putObject("details");
        for (Map.Entry<String, String> detail : notification.details().entrySet()) {
            details.put(detail.getKey(), detail.getValue());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A tree of strings always serialises; this would be a Jackson bug.
            throw new IllegalStateException("could not write the webhook body: " + e.getOriginalMessage(), e);
        }
    }
}
