package io.autoscalebot.plugin.kubernetes.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An error answer of the API server: the HTTP status and the {@code Status} object it sends with it, as in
 * {@code {"kind": "Status", "reason": "Forbidden", "message": "deployments.apps \"web\" is forbidden: User ...",
 * "details": {"name": "web", "group": "apps", "kind": "deployments"}, "code": 403}}.
 *
 * @param code the HTTP status
 * @param reason the Status's reason ({@code Forbidden}, {@code NotFound}, {@code Conflict}, {@code Invalid}), or the
 *     HTTP status as text when the body is not a Status
 * @param message the Status's message, or the body itself (cut short); already scrubbed of secrets
 * @param kind {@code details.kind}, the resource the answer is about ({@code deployments}), or empty
 * @param causes the {@code details.causes} messages ({@code spec.replicas: Invalid value: -1: must be ...})
 */
public record ApiStatus(int code, String reason, String message, String kind, List<String> causes) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_LENGTH = 400;

    /** Checks the parts. */
    public ApiStatus {
        causes = List.copyOf(causes);
    }

    /**
     * Reads an error answer, which is not always a Status (a proxy or load balancer in between answers in HTML).
     *
     * @param code the HTTP status
     * @param body the response body
     * @param scrub removes secrets from text, applied before cutting so no part of a secret is left behind
     * @return the status
     */
    public static ApiStatus from(int code, String body, UnaryOperator<String> scrub) {
        String reason = "HTTP " + code;
        String message = body.strip();
        String kind = "";
        List<String> causes = new ArrayList<>();
        try {
            JsonNode status = JSON.readTree(body);
            if (status != null && status.isObject() && "Status".equals(status.path("kind").asText())) {
                reason = status.path("reason").asText(reason);
                message = status.path("message").asText("");
                kind = status.path("details").path("kind").asText("");
                for (JsonNode cause : status.path("details").path("causes")) {
                    String field = cause.path("field").asText("");
                    String text = cause.path("message").asText("");
                    causes.add(field.isEmpty() ? text : field + ": " + text);
                }
            }
        } catch (IOException notJson) {
            // Keep the raw body: it is still the best explanation there is.
        }
        message = cut(scrub.apply(message.isEmpty() ? "no explanation given" : message));
        causes.replaceAll(cause -> cut(scrub.apply(cause)));
        return new ApiStatus(code, reason, message, kind, causes);
    }

    /** @return {@code 403 Forbidden: MESSAGE} */
    public String describe() {
        return code + " " + reason + ": " + message;
    }

    private static String cut(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > MAX_MESSAGE_LENGTH ? line.substring(0, MAX_MESSAGE_LENGTH) + "..." : line;
    }
}
