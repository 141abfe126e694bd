package io.autoscalebot.engine.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.config.GroupConfig;
import io.autoscalebot.engine.loop.Lateness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Writes {@code /status}: the instance's role, the engine-wide tick lateness, and per group its last tick (counts,
 * bounds, measurement, decision and reason, open conditions, lateness) and the post-scale wait left. Times are ISO-8601
 * UTC, durations in seconds; a value not known yet is {@code null}. Built as a Jackson tree, so no reflection is
 * needed into the engine's module.
 */
public final class StatusJson {

    /** The decide setting that, by the convention of the bundled decide plugins, holds the wait after a scale. */
    static final String POST_SCALE_WAIT = "post_scale_wait";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatusBoard board;
    /** Each group's post-scale wait, replaced whole by a reload. */
    private volatile Map<String, Duration> waits = Map.of();
    private final Clock clock;
    private final Supplier<Lateness> lateness;
    private final Role role;

    /**
     * @param board the groups' last ticks
     * @param groups the configured groups, for their post-scale waits
     * @param clock the engine's clock, to tell how much of a wait is left
     * @param lateness the engine's lateness so far
     * @param role whether this instance scales
     */
    public StatusJson(StatusBoard board, List<GroupConfig> groups, Clock clock, Supplier<Lateness> lateness,
                      Role role) {
        this.board = board;
        this.clock = clock;
        this.lateness = lateness;
        this.role = role;
        regroup(groups);
    }

    /** @param groups the groups of a reloaded configuration, for their post-scale waits */
    public void regroup(List<GroupConfig> groups) {
        Map<String, Duration> next = new HashMap<>();
        for (GroupConfig group : groups) {
            postScaleWait(group.decide().settings()).ifPresent(wait -> next.put(group.name(), wait));
        }
        waits = next;
    }

    /** @return the whole document, as text */
    public String write() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** @return the whole document */
    ObjectNode tree() {
        ObjectNode root = JSON.createObjectNode();
        root.put("role", role.current().orElse(null));
        root.put("time", clock.instant().toString());
        Lateness late = lateness.get();
        ObjectNode engine = root.putObject("lateness");
        engine.put("ticks", late.count());
        engine.put("max_seconds", seconds(late.max()));
        engine.put("mean_seconds", late.count() == 0 ? 0 : seconds(late.total()) / late.count());
        ArrayNode groups = root.putArray("groups");
        for (Map.Entry<String, Optional<GroupStatus>> entry : board.groups()) {
            groups.add(group(entry.getKey(), entry.getValue()));
        }
        return root;
    }

    private ObjectNode group(String name, Optional<GroupStatus> found) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("lateness_seconds", board.lateness(name).map(StatusJson::seconds).orElse(null));
        if (found.isEmpty()) {
            node.put("last_tick", (String) null);
            return node;
        }
        GroupStatus status = found.get();
        node.put("last_tick", status.time().toString());
        node.put("outcome", status.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        put(node, "current", status.current());
        put(node, "target", status.target());
        put(node, "min", status.min());
        put(node, "max", status.max());
        node.put("reason", status.reason());
        node.put("failure", status.failure().orElse(null));
        node.set("measurement", status.measurement().map(StatusJson::measurement).orElse(null));
        ObjectNode scale = status.lastScale().map(StatusJson::scale).orElse(null);
        node.set("last_scale", scale);
        Duration wait = waits.get(name);
        node.put("post_scale_wait_left_seconds", wait == null ? null
                : status.lastScale().map(last -> seconds(left(last.time(), wait))).orElse(0.0));
        ArrayNode conditions = node.putArray("open_conditions");
        status.conditions().stream().map(EventType::name).sorted().forEach(conditions::add);
        return node;
    }

    private Duration left(Instant scaled, Duration wait) {
        Duration left = Duration.between(clock.instant(), scaled.plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static ObjectNode measurement(Measurement measurement) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", measurement.time().toString());
        if (measurement.hasValue()) {
            node.put("value", measurement.value());
            node.put("unit", measurement.unit());
        }
        node.put("text", measurement.describe());
        node.put("failure", measurement.succeeded() ? null : measurement.failure());
        return node;
    }

    private static ObjectNode scale(ScaleEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", event.time().toString());
        node.put("from", event.from());
        node.put("to", event.to());
        return node;
    }

    private static void put(ObjectNode node, String key, OptionalInt value) {
        if (value.isPresent()) {
            node.put(key, value.getAsInt());
        } else {
            node.putNull(key);
        }
    }

    /** @return the decide plugin's post-scale wait, when it declares one by that name */
    private static Optional<Duration> postScaleWait(Settings settings) {
        for (Setting setting : settings.schema()) {
            if (setting.name().equals(POST_SCALE_WAIT) && setting.type() == SettingType.DURATION) {
                try {
                    return Optional.of(settings.duration(POST_SCALE_WAIT));
                } catch (RuntimeException unset) {
                    return Optional.empty(); // declared without a default and not set: no wait
                }
            }
        }
        return Optional.empty();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
