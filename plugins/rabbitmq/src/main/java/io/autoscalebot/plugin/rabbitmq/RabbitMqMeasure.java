package io.autoscalebot.plugin.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the sampled figures of every listed queue from the management API, one GET per queue side by side, and adds
 * them up.
 *
 * <p>Every failure to read them (unreachable, refused login, a queue or vhost that does not exist, an answer that is
 * not the management API's) is a failed measurement with its reason, never an exception, so the engine only sees this
 * group's tick fail.
 */
final class RabbitMqMeasure implements Measure {

    /** Only the fields used: a queue's full object is a few kB of rates and GC figures. */
    private static final String COLUMNS = "?columns=name,messages_ready,messages_unacknowledged,consumers";

    private final RabbitMqConfig config;
    private final ManagementApi api;
    private final Clock clock;

    /**
     * @param config the checked settings
     * @param api the management API of the broker
     * @param clock the engine's clock, which times measurements
     */
    RabbitMqMeasure(RabbitMqConfig config, ManagementApi api, Clock clock) {
        this.config = config;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Measurement measure() {
        Instant now = clock.instant();
        CallBudget budget = CallBudget.startingNow(config.timeout());
        try {
            return Measurement.of(now, config.report().value(figures(budget), config.count()), config.report().unit());
        } catch (PluginException e) {
            return Measurement.failed(now, api.redaction().scrub(e.getMessage()));
        }
    }

    @Override
    public void teardown() throws Exception {
        api.close();
    }

    private List<QueueFigures> figures(CallBudget budget) throws PluginException {
        List<ManagementApi.Exchange> exchanges = new ArrayList<>();
        for (String queue : config.queues()) {
            exchanges.add(api.start("/api/queues/" + PathSegment.encode(config.vhost()) + "/"
                    + PathSegment.encode(queue) + COLUMNS));
        }
        List<QueueFigures> figures = new ArrayList<>();
        try {
            for (int i = 0; i < exchanges.size(); i++) {
                figures.add(read(config.queues().get(i), api.await(exchanges.get(i), budget), budget));
            }
        } finally {
            // After a failure the other queues' answers are not needed; after success this does nothing.
            exchanges.forEach(ManagementApi.Exchange::cancel);
        }
        return figures;
    }

    private QueueFigures read(String queue, HttpResponse<byte[]> response, CallBudget budget) throws PluginException {
        String what = describe(queue);
        switch (response.statusCode()) {
            case 200:
                return parse(queue, api.json(response, what));
            case 401:
            case 403:
                throw refused(response, what);
            case 404:
                throw notFound(queue, response, budget);
            default:
                throw new PluginException(api.shown() + " answered HTTP " + response.statusCode() + " for " + what
                        + api.excerpt(response));
        }
    }

    private QueueFigures parse(String queue, JsonNode node) throws PluginException {
        if (!node.isObject() || !node.path("name").isTextual()) {
            throw new PluginException(api.shown() + " answered the request for " + describe(queue) + " with JSON "
                    + "that is not a queue of the management API; check that setting 'url' points at the management "
                    + "plugin");
        }
        // A queue the statistics have not yet reached (just declared, or the broker just started) comes without
        // figures; so does every queue when the broker runs with management.disable_stats.
        if (!node.has("messages_ready")) {
            throw new PluginException(api.shown() + " has no figures for " + describe(queue) + " yet: the "
                    + "management plugin samples queues every 5s (collect_statistics_interval), so a new queue has "
                    + "none for a moment; if this lasts, check that management.disable_stats is not set");
        }
        return new QueueFigures(queue, count(node, "messages_ready", queue), count(node, "messages_unacknowledged", queue),
                count(node, "consumers", queue));
    }

    private long count(JsonNode queueNode, String field, String queue) throws PluginException {
        JsonNode value = queueNode.path(field);
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new PluginException(api.shown() + " gave " + describe(queue) + " a '" + field + "' that is not a "
                    + "whole number >= 0 (" + (value.isMissingNode() ? "none" : value.toString()) + ")");
        }
        return value.asLong();
    }

    /** RabbitMQ says why in {@code reason}: a wrong password, a user without the tag, a vhost without access. */
    private PluginException refused(HttpResponse<byte[]> response, String what) {
        String reason = reason(response).orElse("");
        String user = "user '" + config.username() + "'";
        String status = "HTTP " + response.statusCode() + (reason.isEmpty() ? "" : ": " + reason);
        if (reason.contains("Login failed")) {
            return new PluginException(api.shown() + " refused the login of " + user + " (" + status + "); check "
                    + "settings 'username' and 'password'");
        }
        if (reason.contains("Not management user") || reason.contains("Not monitor user")) {
            return new PluginException(api.shown() + " accepted the login of " + user + " but does not let it read "
                    + "queues (" + status + "); give it the monitoring tag: rabbitmqctl set_user_tags "
                    + config.username() + " monitoring");
        }
        if (reason.contains("virtual host")) {
            return new PluginException(api.shown() + " does not let " + user + " into vhost '" + config.vhost()
                    + "' (" + status + "); grant it access, no rights needed: rabbitmqctl set_permissions -p '"
                    + config.vhost() + "' " + config.username() + " '' '' ''");
        }
        return new PluginException(api.shown() + " refused the request for " + what + " (" + status + "); check "
                + "settings 'username' and 'password' and the user's tags and permissions");
    }

    /** The same 404 means a missing queue or a missing vhost; the vhost's queue list tells them apart. */
    private PluginException notFound(String queue, HttpResponse<byte[]> response, CallBudget budget)
            throws PluginException {
        if (!isRabbitMqNotFound(response)) {
            return new PluginException(api.shown() + " answered HTTP 404 for " + describe(queue) + " without the "
                    + "management API's error" + api.excerpt(response) + "; check that setting 'url' points at the "
                    + "management plugin (with its path prefix, if it has one)");
        }
        String vhostPath = "/api/queues/" + PathSegment.encode(config.vhost()) + "?columns=name";
        HttpResponse<byte[]> listing = api.await(api.start(vhostPath), budget);
        if (listing.statusCode() == 404) {
            return new PluginException(api.shown() + " has no vhost '" + config.vhost() + "'; check setting "
                    + "'vhost' (RabbitMQ's default vhost is \"/\")");
        }
        List<String> names = new ArrayList<>();
        if (listing.statusCode() == 200) {
            for (JsonNode entry : api.json(listing, "the queues of vhost '" + config.vhost() + "'")) {
                if (entry.path("name").isTextual()) {
                    names.add(entry.path("name").asText());
                }
            }
        }
        String hint = DidYouMean.closest(queue, names).map(name -> " (did you mean '" + name + "'?)")
                .orElse(names.isEmpty() && listing.statusCode() == 200 ? " (the vhost has no queues)" : "");
        return new PluginException(api.shown() + " has no queue '" + queue + "' in vhost '" + config.vhost() + "'"
                + hint + "; check setting 'queues', and that the queue is declared (a worker declares it when it "
                + "starts)");
    }

    private boolean isRabbitMqNotFound(HttpResponse<byte[]> response) {
        try {
            return "Object Not Found".equals(api.json(response, "").path("error").asText());
        } catch (PluginException e) {
            return false;
        }
    }

    private Optional<String> reason(HttpResponse<byte[]> response) {
        try {
            JsonNode reason = api.json(response, "").path("reason");
            return reason.isTextual() ? Optional.of(api.redaction().scrub(reason.asText())) : Optional.empty();
        } catch (PluginException e) {
            return Optional.of(new String(response.body(), StandardCharsets.UTF_8)).map(String::strip)
                    .filter(text -> !text.isEmpty() && text.length() <= 200).map(api.redaction()::scrub);
        }
    }

    private String describe(String queue) {
        return "queue '" + queue + "' in vhost '" + config.vhost() + "'";
    }
}
