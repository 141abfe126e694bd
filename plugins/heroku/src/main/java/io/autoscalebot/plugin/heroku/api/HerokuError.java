package io.autoscalebot.plugin.heroku.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of the Platform API: its HTTP status and the {@code id} and {@code message} of its body, as in
 * {@code {"id": "not_found", "message": "Couldn't find that app."}}.
 *
 * @param status the HTTP status
 * @param id Heroku's error id, such as {@code unauthorized} or {@code cannot_scale}
 * @param message Heroku's explanation, for people
 */
public record HerokuError(int status, String id, String message) {

    private static final int MAX_MESSAGE_LENGTH = 300;

    /**
     * Reads an error body, which is not always JSON (a proxy in between may answer in HTML).
     *
     * @param status the HTTP status
     * @param body the response body
     * @param token the API token, removed from the message should Heroku ever echo it
     * @return the error
     */
    public static HerokuError from(int status, String body, String token) {
        String id = "http_" + status;
        String message = body.strip();
        try {
            ObjectNode fields = Json.parseObject(body);
            if (fields.path("id").isTextual()) {
                id = fields.get("id").textValue();
            }
            if (fields.path("message").isTextual()) {
                message = fields.get("message").textValue();
            }
        } catch (IllegalArgumentException notJson) {
            // Keep the raw body: it is still the best explanation there is.
        }
        if (message.isEmpty()) {
            message = "no explanation given";
        }
        // Scrub before cutting: a cut through the token would leave its first characters behind, unrecognised.
        if (!token.isEmpty()) {
            message = message.replace(token, "****");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "...";
        }
        return new HerokuError(status, id, message.replace('\n', ' '));
    }

    /** @return {@code cannot_scale (422): Heroku's message} */
    public String describe() {
        return id + " (" + status + "): " + message;
    }
}
