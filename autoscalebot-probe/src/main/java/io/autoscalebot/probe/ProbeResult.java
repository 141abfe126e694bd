package io.autoscalebot.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the probe: every check's result and, when the probe has a {@link QueueTime}, its figures.
 *
 * @param checks the checks in the order they were registered (and run)
 * @param totalMillis how long running all of them took
 * @param queueTime the queue time and in-flight figures, when the probe has a recorder
 */
public record ProbeResult(List<CheckResult> checks, double totalMillis, Optional<QueueTime.Snapshot> queueTime) {

    /** The media type of {@link #toJson()}. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** Copies the list and checks the parts. */
    public ProbeResult {
        checks = List.copyOf(checks);
        Objects.requireNonNull(queueTime, "queueTime");
        if (!(totalMillis >= 0) || Double.isInfinite(totalMillis)) {
            throw new IllegalArgumentException("totalMillis must be a finite number >= 0, was " + totalMillis);
        }
    }

    /** @return whether every check passed (true when there were none) */
    public boolean ok() {
        return checks.stream().allMatch(CheckResult::ok);
    }

    /**
     * @return the HTTP status to answer with: 200 when every check passed, 503 when one failed, so that
     *     {@code response-time} (which expects 200) counts a failing check as a failed request
     */
    public int status() {
        return ok() ? 200 : 503;
    }

    /**
     * @return the documented JSON (docs/app-probe.md), like
     *     <pre>{"ok":true,"total_ms":4.2,"checks":{"database":{"ok":true,"ms":3.1}},"in_flight":2,
     * "queue_time_ms":{"p50":1.5,"p95":12,"max":30,"count":118,"window_s":60,
     * "negative_clamped":0,"garbage_ignored":0,"without_header":3}}</pre>
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"ok\":").append(ok()).append(",\"total_ms\":").append(Json.millis(totalMillis))
                .append(",\"checks\":{");
        for (int i = 0; i < checks.size(); i++) {
            CheckResult check = checks.get(i);
            json.append(i == 0 ? "" : ",").append(Json.quote(check.name())).append(":{\"ok\":").append(check.ok())
                    .append(",\"ms\":").append(Json.millis(check.millis()));
            check.error().ifPresent(error -> json.append(",\"error\":").append(Json.quote(error)));
            json.append('}');
        }
        json.append('}');
        queueTime.ifPresent(q -> json.append(",\"in_flight\":").append(q.inFlight())
                .append(",\"queue_time_ms\":{\"p50\":").append(Json.millis(q.p50Millis()))
                .append(",\"p95\":").append(Json.millis(q.p95Millis()))
                .append(",\"max\":").append(Json.millis(q.maxMillis()))
                .append(",\"count\":").append(q.count())
                .append(",\"window_s\":").append(Json.millis(q.window().toNanos() / 1e9))
                .append(",\"negative_clamped\":").append(q.negativeClamped())
                .append(",\"garbage_ignored\":").append(q.garbageIgnored())
                .append(",\"without_header\":").append(q.withoutHeader()).append('}'));
        return json.append('}').toString();
    }
}
