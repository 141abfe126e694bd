package io.autoscalebot.plugin.celeryredis;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads when a task started waiting from the JSON envelope kombu's Redis transport stores for each message:
 * {@code {"body": ..., "content-type": ..., "headers": {...}, "properties": {...}}}.
 *
 * <p>Celery's message protocol v2 records no publish time: its headers hold {@code eta} (when a delayed task becomes
 * due) and {@code expires}, and kombu adds no time either. So the waiting start is the latest of:
 * <ul>
 *   <li>{@code properties.timestamp}, the AMQP timestamp property in POSIX seconds, which reaches the envelope when the
 *       publisher sets it ({@code apply_async(..., timestamp=time.time())} or a {@code before_task_publish} handler);
 *   <li>{@code headers.eta}, ISO-8601: a delayed task waits only from the time it became due.
 * </ul>
 * A message with neither has no knowable age.
 */
final class KombuMessage {

    private KombuMessage() {
    }

    /**
     * @param json one element of a Celery queue list
     * @return when the task started waiting, or empty when the message carries no time
     * @throws IllegalArgumentException if the element is not a kombu JSON envelope or a time in it is malformed
     */
    static Optional<Instant> waitingSince(String json) {
        JsonObject envelope;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            envelope = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("it is not JSON");
        }
        Optional<Instant> published = member(envelope, "properties", "timestamp").map(KombuMessage::posixSeconds);
        Optional<Instant> due = member(envelope, "headers", "eta").map(KombuMessage::isoInstant);
        if (published.isPresent() && due.isPresent()) {
            return Optional.of(published.get().isAfter(due.get()) ? published.get() : due.get());
        }
        return published.isPresent() ? published : due;
    }

    /** @return {@code envelope[section][name]} when both exist and the value is not JSON null */
    private static Optional<JsonPrimitive> member(JsonObject envelope, String section, String name) {
        JsonElement part = envelope.get(section);
        if (part == null || !part.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement value = part.getAsJsonObject().get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException(section + "." + name + " is not a single value");
        }
        return Optional.of(value.getAsJsonPrimitive());
    }

    private static Instant posixSeconds(JsonPrimitive value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("properties.timestamp must be POSIX seconds, got " + value);
        }
        double seconds = value.getAsDouble();
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }

    /** Reads Python's {@code isoformat()}: with an offset, or naive, which Celery means as UTC. */
    private static Instant isoInstant(JsonPrimitive value) {
        String text = value.getAsString();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("headers.eta is not an ISO-8601 time: " + text);
            }
        }
    }
}
