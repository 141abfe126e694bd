package io.autoscalebot.plugin.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.api.PluginException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the one number a measure needs from an instant query's {@code data}, and refuses everything else with the
 * reason: no series, several, a range vector, a scalar or string, NaN or an infinite value.
 *
 * <p>A scalar is refused too, though it is a number: {@code scalar()} turns an empty or many-series result into NaN
 * and a literal never changes, so a scalar hides the very mistakes this class reports.
 */
final class QueryResult {

    private static final int MAX_LABELS_SHOWN = 10;
    private static final int MAX_QUERY_IN_SUGGESTION = 60;

    private QueryResult() {
    }

    /**
     * @param data the {@code data} of a successful answer
     * @param query the expression, for the messages
     * @return the value of the single series
     * @throws PluginException saying why the result is not one finite number; the message starts after
     *     "Prometheus at URL: "
     */
    static double value(JsonNode data, String query) throws PluginException {
        String shownQuery = "query " + Queries.shown(query);
        String type = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        switch (type) {
            case "vector":
                return vector(result, shownQuery, query);
            case "scalar":
                throw new PluginException(shownQuery + " returned a scalar, not a series: scalar() and plain numbers "
                        + "hide whether anything matched (an empty or many-series result becomes NaN); query the "
                        + "series itself, aggregated to one, like sum(metric) instead of scalar(sum(metric))");
            case "matrix":
                throw new PluginException(shownQuery + " returned a range vector (" + result.size() + " series of "
                        + "samples over time), not one value; drop the [range] selector, or wrap it in a function "
                        + "like rate(metric[5m]) or avg_over_time(metric[5m])");
            case "string":
                throw new PluginException(shownQuery + " returned a string, not a number; query a series");
            default:
                throw new PluginException(shownQuery + " returned a result of unknown type \"" + type + "\", "
                        + "not Prometheus's vector; check that setting 'url' is Prometheus's base URL");
        }
    }

    private static double vector(JsonNode series, String shownQuery, String query) throws PluginException {
        if (!series.isArray()) {
            throw new PluginException(shownQuery + " returned a vector without a list of series; check that "
                    + "setting 'url' is Prometheus's base URL");
        }
        if (series.isEmpty()) {
            throw new PluginException(shownQuery + " returned no series: nothing matched, or nothing was scraped "
                    + "in the last 5 minutes (Prometheus's lookback); check the metric and label names, or append "
                    + "\"or vector(0)\" if no series means 0");
        }
        if (series.size() > 1) {
            // The query itself is quoted at the start; a long one is not repeated in the suggestion.
            String inner = query.strip().length() <= MAX_QUERY_IN_SUGGESTION ? query.strip() : "...";
            throw new PluginException(shownQuery + " returned " + series.size() + " series, the first "
                    + labels(series.get(0).path("metric")) + "; a measure needs one number: aggregate them, like "
                    + "sum(" + inner + ") or max(" + inner + ")");
        }
        JsonNode sample = series.get(0).path("value");
        String labels = labels(series.get(0).path("metric"));
        if (series.get(0).has("histogram")) {
            throw new PluginException(shownQuery + " returned a native histogram for " + labels + ", not a number; "
                    + "read one figure of it, like histogram_quantile(0.9, ...), histogram_count(...) or "
                    + "histogram_sum(...)");
        }
        if (!sample.isArray() || sample.size() != 2 || !sample.get(1).isTextual()) {
            throw new PluginException(shownQuery + " returned a sample that is not [time, \"value\"] for " + labels
                    + "; check that setting 'url' is Prometheus's base URL");
        }
        String text = sample.get(1).asText();
        switch (text) {
            case "NaN":
                throw new PluginException(shownQuery + " returned NaN for " + labels + ": not a number, as from 0/0 "
                        + "or a rate() without two samples in its range; a measure needs a number: fix the query "
                        + "(check a ratio's denominator, or widen the range)");
            case "+Inf":
            case "Inf":
            case "-Inf":
                throw new PluginException(shownQuery + " returned " + text + " for " + labels + ": an infinite value, "
                        + "as from a division by zero; a measure needs a finite number: fix the query (check a ratio's "
                        + "denominator)");
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new PluginException(shownQuery + " returned \"" + text + "\" for " + labels + ", which is "
                            + "not a number", e);
                }
        }
    }

    /** @return the series as PromQL writes it: {@code jobs_waiting{job="app", queue="emails"}}, or {@code {}} */
    static String labels(JsonNode metric) {
        String name = metric.path("__name__").asText("");
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : metric.properties()) {
            if (!field.getKey().equals("__name__")) {
                pairs.add(field.getKey() + "=\"" + field.getValue().asText().replace("\\", "\\\\")
                        .replace("\"", "\\\"") + "\"");
            }
        }
        if (pairs.size() > MAX_LABELS_SHOWN) {
            int more = pairs.size() - MAX_LABELS_SHOWN;
            pairs = new ArrayList<>(pairs.subList(0, MAX_LABELS_SHOWN));
            pairs.add("... " + more + " more");
        }
        return name + "{" + String.join(", ", pairs) + "}";
    }
}
