package io.autoscalebot.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commented {@code autoscale.toml} that {@code init} writes: one group per name, each measured, decided and scaled
 * the way the chosen target and measure kind need, with every secret read from the environment.
 *
 * @param target where the processes run: heroku, kubernetes or local
 * @param groups the process groups, like web and worker
 * @param measure what is measured: response-time, sidekiq, celery-redis, rabbitmq or prometheus
 * @param app the Heroku app (heroku only)
 * @param namespace the Kubernetes namespace, or null for the context's or the pod's own (kubernetes only)
 * @param url the URL timed by response-time
 * @param max the most processes of each group
 */
record ConfigTemplate(Target target, List<String> groups, Measure measure, String app, String namespace, String url,
                      int max) {

    /** Where the processes run. */
    enum Target { HEROKU, KUBERNETES, LOCAL }

    /** What is measured, and how a decision follows from it. */
    enum Measure { RESPONSE_TIME, SIDEKIQ, CELERY_REDIS, RABBITMQ, PROMETHEUS }

    /** The environment variables the file reads that have no default, with what each must hold. */
    Map<String, String> requiredVariables() {
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        if (target == Target.HEROKU) {
            variables.put("HEROKU_API_KEY", "a Heroku API token (heroku authorizations:create)");
        }
        if (measure == Measure.RABBITMQ) {
            variables.put("RABBITMQ_PASSWORD", "the password of the RabbitMQ monitoring user");
        }
        return variables;
    }

    /** @return the file's text */
    String text() {
        StringBuilder toml = new StringBuilder()
                .append("# autoscale.toml, written by `autoscalebot init` for ").append(name(target))
                .append(" with ").append(name(measure)).append(".\n")
                .append("# Check it with `autoscalebot config validate`; try it with `autoscalebot run --once --dry-run`.\n")
                .append("# Every key: README.md (Configuration); every plugin's settings: `autoscalebot plugins describe ID`.\n")
                .append("\n# Where the last scale of each group is kept across restarts (relative to this file).\n");
        if (target == Target.KUBERNETES) {
            // The ConfigMap's folder is read-only in the pod: there the state goes to the volume the Deployment mounts.
            toml.append("# In the pod set AUTOSCALEBOT_STATE_DIR=/var/lib/autoscalebot (deploy/kubernetes mounts a"
                    + " volume there).\n")
                    .append("state_dir = \"${AUTOSCALEBOT_STATE_DIR:-.autoscalebot}\"\n");
        } else {
            toml.append("state_dir = \".autoscalebot\"\n");
        }
        for (String group : groups) {
            group(toml, group);
        }
        return aligned(toml.toString());
    }

    /** Lines up the comments after keys in one column, so the file reads as a table. */
    private static String aligned(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            java.util.regex.Matcher keyAndComment = KEY_AND_COMMENT.matcher(line);
            out.append(keyAndComment.matches()
                    ? String.format(Locale.ROOT, "%-33s # %s", keyAndComment.group(1), keyAndComment.group(2))
                    : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static final java.util.regex.Pattern KEY_AND_COMMENT =
            java.util.regex.Pattern.compile("([^#\\s].*?)\\s+# (.*)");

    private void group(StringBuilder toml, String group) {
        String table = "groups." + quoted(group);
        toml.append("\n[").append(table).append("]\n")
                .append("interval = \"30s\"                 # how often to measure and decide\n")
                .append("min = 1                           # or by time of day: { \"0:00\" = 1, \"8:00\" = 3, \"18:00\" = 1 }\n")
                .append("max = ").append(max).append("                           # the most processes this group may"
                        + " scale to\n")
                .append("timezone = \"UTC\"                 # the zone time-of-day tables are read in\n")
                .append("notify_on = [\"SCALE\", \"ABOVE_MAX\", \"SCALE_FAILED\", \"MEASUREMENT_FAILED\"]\n");
        measure(toml, table, group);
        scale(toml, table, group);
        toml.append("\n# Tell someone. Another notifier (email, webhook) can narrow notify_on by time of day:\n")
                .append("# notify_on = { \"0:00\" = [], \"8:00\" = [\"ABOVE_MAX\"], \"18:00\" = [] }\n")
                .append("[[").append(table).append(".notify]]\n")
                .append("plugin = \"console\"\n");
    }

    private void measure(StringBuilder toml, String table, String group) {
        toml.append("\n[").append(table).append(".measure]\n");
        switch (measure) {
            case RESPONSE_TIME -> toml.append("plugin = \"response-time\"         # times a GET of a page, in ms\n")
                    .append("url = \"").append(url).append("\"\n");
            case SIDEKIQ -> toml.append("plugin = \"sidekiq\"               # jobs waiting in Sidekiq's queues\n")
                    .append("url = \"${REDIS_URL:-redis://127.0.0.1:6379/0}\"\n")
                    .append("queues = [\"default\"]\n");
            case CELERY_REDIS -> toml.append("plugin = \"celery-redis\"          # tasks waiting in Celery's queues\n")
                    .append("url = \"${REDIS_URL:-redis://127.0.0.1:6379/0}\"\n")
                    .append("queues = [\"celery\"]\n");
            case RABBITMQ -> toml.append("plugin = \"rabbitmq\"              # messages ready in RabbitMQ queues\n")
                    .append("url = \"${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672/}\"\n")
                    .append("username = \"${RABBITMQ_USER:-autoscalebot}\"\n")
                    .append("password = \"${RABBITMQ_PASSWORD}\"\n")
                    .append("queues = [\"").append(group).append("\"]\n");
            case PROMETHEUS -> toml.append("plugin = \"prometheus\"            # the value of one PromQL query\n")
                    .append("url = \"${PROMETHEUS_URL:-http://127.0.0.1:9090/}\"\n")
                    .append("query = \"sum(queue_depth{group=\\\"").append(group).append("\\\"}) or vector(0)\"\n");
        }
        // One decider for every kind: the original's, on thresholds in the measurement's own unit.
        boolean time = measure == Measure.RESPONSE_TIME;
        String unit = time ? "ms" : measure == Measure.PROMETHEUS ? "in the query's unit" : "items waiting";
        toml.append("\n[").append(table).append(".decide]\n")
                .append("plugin = \"consecutive-threshold\" # up after 3 measurements above max_value, down after 5"
                        + " below min_value\n")
                .append("max_value = ").append(time ? "1200.0" : "100.0").append("  # ").append(unit)
                .append(": more than this needs more processes\n")
                .append("min_value = ").append(time ? "400.0" : "10.0").append("   # ").append(unit)
                .append(": less than this needs fewer\n");
    }

    private void scale(StringBuilder toml, String table, String group) {
        toml.append("\n[").append(table).append(".scale]\n");
        switch (target) {
            case HEROKU -> toml.append("plugin = \"heroku\"\n")
                    .append("app = \"").append(app).append("\"\n")
                    .append("process_type = \"").append(group).append("\"        # as named in the Procfile\n")
                    .append("token = \"${HEROKU_API_KEY}\"       # never write the token itself here\n");
            case KUBERNETES -> {
                toml.append("plugin = \"kubernetes\"\n")
                        .append("target = \"deployment/").append(group).append("\"   # or statefulset/NAME, ...\n");
                if (namespace != null) {
                    toml.append("namespace = \"").append(namespace).append("\"\n");
                }
                toml.append("# In a pod the service account is used; outside, the current kubeconfig context.\n");
            }
            case LOCAL -> toml.append("plugin = \"local\"\n")
                    .append("# Replace with your app's start command; each copy gets PORT and INDEX in its environment.\n")
                    .append("command = [\"sh\", \"-c\", \"exec python3 -m http.server $PORT\"]\n")
                    .append("base_port = ").append(8700 + 100 * groups.indexOf(group)).append('\n');
        }
    }

    /** A bare TOML key when it can be one, else a quoted one. */
    private static String quoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
