package io.autoscalebot.plugin.sidekiq;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;

/**
 * What the measure reads from one of Sidekiq's JSON jobs: its queue and when it was enqueued.
 *
 * <p>Sidekiq writes {@code enqueued_at} (and {@code created_at}) as epoch seconds in a JSON float up to version 7,
 * and as epoch milliseconds in a JSON integer from version 8 on. During an upgrade both kinds sit in the same queue,
 * so the unit is told by each value's JSON type, as Sidekiq's own {@code Queue#latency} does, never by a setting.
 */
final class SidekiqJob {

    /** Strict about what follows the object: {@code {} junk} is not a job either. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Below this many milliseconds (1973-03-03) an integer time cannot be Sidekiq 8's: it is whole seconds written by
     * another producer. The same bound in seconds (year 5138) tells a float of milliseconds apart from seconds.
     */
    private static final long SMALLEST_MILLIS = 100_000_000_000L;

    private final JsonNode job;

    private SidekiqJob(JsonNode job) {
        this.job = job;
    }

    /**
     * @param payload a job as Sidekiq stores it in a queue list or a sorted set
     * @return the job
     * @throws NotAJobException if the payload is not a JSON object; the reason quotes nothing of the payload, whose
     *     arguments may be private
     */
    static SidekiqJob parse(String payload) throws NotAJobException {
        JsonNode job;
        try {
            job = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new NotAJobException("it is not JSON");
        }
        if (job == null || job.isMissingNode()) {
            throw new NotAJobException("it is empty");
        }
        if (!job.isObject()) {
            throw new NotAJobException("it is JSON but not an object, as Sidekiq jobs are");
        }
        return new SidekiqJob(job);
    }

    /** @return the job's {@code queue}, if it names one */
    Optional<String> queue() {
        JsonNode queue = job.get("queue");
        return queue != null && queue.isTextual() ? Optional.of(queue.asText()) : Optional.empty();
    }

    /**
     * @return when the job was pushed to its queue: {@code enqueued_at}, else {@code created_at} (as Sidekiq falls
     *     back)
     * @throws NotAJobException if neither is there, or one is not a time Sidekiq would write
     */
    Instant enqueuedAt() throws NotAJobException {
        JsonNode enqueuedAt = job.get("enqueued_at");
        if (enqueuedAt != null && !enqueuedAt.isNull()) {
            return time("enqueued_at", enqueuedAt);
        }
        JsonNode createdAt = job.get("created_at");
        if (createdAt != null && !createdAt.isNull()) {
            return time("created_at", createdAt);
        }
        throw new NotAJobException("it has neither enqueued_at nor created_at, which Sidekiq always writes");
    }

    private static Instant time(String field, JsonNode value) throws NotAJobException {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong() || value.asLong() < SMALLEST_MILLIS) {
                throw new NotAJobException(field + " is the integer " + value.asText() + ", which Sidekiq 8 would "
                        + "write as milliseconds since 1970, but it is too small for that (whole seconds?)");
            }
            return Instant.ofEpochMilli(value.asLong());
        }
        if (value.isFloatingPointNumber()) {
            double seconds = value.asDouble();
            if (!Double.isFinite(seconds) || seconds < 0 || seconds >= SMALLEST_MILLIS) {
                throw new NotAJobException(field + " is the number " + value.asText() + ", which Sidekiq 7 would "
                        + "write as seconds since 1970, but it is out of range for that (milliseconds?)");
            }
            // Microseconds keep what a double holds of a Ruby Time#to_f without rounding to a whole millisecond.
            long micros = Math.round(seconds * 1_000_000.0);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        }
        throw new NotAJobException(field + " is " + kind(value) + ", not a number of seconds (Sidekiq 7) or "
                + "milliseconds (Sidekiq 8)");
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isArray() ? "an array" : "an object";
    }

    /** A payload that is not a Sidekiq job: the reason says why, for a message naming where it was found. */
    static final class NotAJobException extends Exception {

        private static final long serialVersionUID = 1L;

        NotAJobException(String reason) {
            super(reason);
        }
    }
}
