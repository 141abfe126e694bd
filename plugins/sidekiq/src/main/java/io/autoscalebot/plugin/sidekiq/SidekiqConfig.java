package io.autoscalebot.plugin.sidekiq;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The settings of one {@code sidekiq} measure, checked and typed.
 *
 * @param address where Sidekiq's Redis is
 * @param verifyCertificate whether a TLS connection checks the server's certificate and host name
 * @param keys Sidekiq's keys, under the namespace if any
 * @param queues the queue names to read; empty for every queue in Sidekiq's {@code queues} set
 * @param report what the measurement reports
 * @param includeScheduled whether due jobs of the {@code schedule} set count
 * @param includeRetries whether due jobs of the {@code retry} set count
 * @param timeout how long to wait to connect to Redis and for each answer
 */
record SidekiqConfig(RedisAddress address, boolean verifyCertificate, SidekiqKeys keys, List<String> queues,
                     Report report, boolean includeScheduled, boolean includeRetries, Duration timeout) {

    static final String URL = "url";
    static final String QUEUES = "queues";
    static final String REPORT = "report";
    static final String INCLUDE_SCHEDULED = "include_scheduled";
    static final String INCLUDE_RETRIES = "include_retries";
    static final String NAMESPACE = "namespace";
    static final String VERIFY_CERTIFICATE = "verify_certificate";
    static final String TIMEOUT = "timeout";

    /** The queue list that means every queue Sidekiq knows. */
    static final String ALL_QUEUES = "*";

    /** The declared settings, with the docs users read. */
    static final List<Setting> SCHEMA = List.of(
            Setting.of(URL, SettingType.STRING).defaultValue("redis://localhost:6379/0").asSecret()
                    .example("redis://:PASSWORD@redis.internal:6379/0")
                    .doc("Sidekiq's REDIS_URL: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], or rediss:// for TLS. "
                            + "Percent-encode special characters in the password. Shown as ****."),
            Setting.of(QUEUES, SettingType.STRING_LIST).defaultValue(List.of("default"))
                    .doc("The Sidekiq queues to measure, like [\"default\", \"mailers\"]; [\"*\"] for every queue "
                            + "in Sidekiq's \"queues\" set. A queue with no list in Redis counts as empty: Sidekiq "
                            + "deletes a queue's list when its last job is taken, so a misspelt name also reads 0."),
            Setting.of(REPORT, SettingType.STRING).defaultValue("size").choices("size", "latency")
                    .doc("\"size\": the jobs waiting in the queues, summed (unit jobs). \"latency\": how long the "
                            + "oldest waiting job has waited, in seconds, the largest over the queues (Sidekiq's "
                            + "Queue#latency; 0 when none waits). Reads enqueued_at as float seconds (Sidekiq 7 and "
                            + "older) or integer milliseconds (Sidekiq 8), job by job."),
            Setting.of(INCLUDE_SCHEDULED, SettingType.BOOLEAN).defaultValue(false)
                    .doc("Also count the jobs of the \"schedule\" set that are already due but not yet moved to "
                            + "their queue (only those of the listed queues); their wait starts when they fell due. "
                            + "Sidekiq's workers move them, so with no worker running they stay there. At most "
                            + SidekiqMeasure.MOST_DUE_ENTRIES + " due entries are read per measurement (a lower "
                            + "bound beyond)."),
            Setting.of(INCLUDE_RETRIES, SettingType.BOOLEAN).defaultValue(false)
                    .doc("Also count the failed jobs of the \"retry\" set whose next try is already due (only those "
                            + "of the listed queues); a retry still waiting for its backoff is not work a worker "
                            + "could do now, so it never counts. The same bound of " + SidekiqMeasure.MOST_DUE_ENTRIES
                            + " entries applies."),
            Setting.of(NAMESPACE, SettingType.STRING).defaultValue("")
                    .doc("The namespace of sidekiq-namespace (redis-namespace), without the colon: with "
                            + "namespace = \"myapp\" the queue default is the key myapp:queue:default."),
            Setting.of(VERIFY_CERTIFICATE, SettingType.BOOLEAN).defaultValue(true)
                    .doc("For rediss:// URLs: check the server's certificate and host name. Set false only for a "
                            + "Redis with a self-signed certificate, like Heroku Key-Value Store "
                            + "(ssl_params: { verify_mode: OpenSSL::SSL::VERIFY_NONE } in Sidekiq)."),
            Setting.of(TIMEOUT, SettingType.DURATION).defaultValue(Duration.ofSeconds(2))
                    .doc("How long to wait to connect to Redis and for each of its answers; paging through many due "
                            + "jobs of the sets also stops there. Keep it below the group's timeout."));

    /** The longest timeout Jedis can take (it counts milliseconds in an int). */
    private static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** Copies the queue list so the configuration stays immutable. */
    SidekiqConfig {
        queues = List.copyOf(queues);
    }

    /** @return whether every queue in Sidekiq's {@code queues} set is read */
    boolean allQueues() {
        return queues.isEmpty();
    }

    /**
     * Every check that needs no connection, each tied to its setting; what {@code config validate} shows.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the problems, empty when the settings are usable; no message contains the URL's password
     */
    static List<SettingProblem> problems(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        check(problems, URL, () -> address(settings));
        check(problems, QUEUES, () -> queues(settings.stringList(QUEUES)));
        check(problems, NAMESPACE, () -> namespace(settings.string(NAMESPACE)));
        check(problems, TIMEOUT, () -> timeout(settings.duration(TIMEOUT)));
        check(problems, VERIFY_CERTIFICATE, () -> {
            // Only when the URL itself is fine: a broken URL has its own problem already.
            if (!settings.bool(VERIFY_CERTIFICATE) && problems.stream().noneMatch(p -> p.key().equals(URL))
                    && !address(settings).tls()) {
                throw new PluginException("setting 'verify_certificate' only applies to rediss:// (TLS) URLs; "
                        + "remove it, or use rediss:// if the server speaks TLS");
            }
            return null;
        });
        return List.copyOf(problems);
    }

    /**
     * Reads settings that {@link #problems} found nothing wrong with.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the configuration
     * @throws PluginException for the first problem, should the settings not have been validated
     */
    static SidekiqConfig from(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(String.join("; ", problems.stream().map(SettingProblem::message).toList()));
        }
        return new SidekiqConfig(address(settings), settings.bool(VERIFY_CERTIFICATE),
                SidekiqKeys.in(namespace(settings.string(NAMESPACE))), queues(settings.stringList(QUEUES)),
                Report.fromLabel(settings.string(REPORT)), settings.bool(INCLUDE_SCHEDULED),
                settings.bool(INCLUDE_RETRIES), timeout(settings.duration(TIMEOUT)));
    }

    private static RedisAddress address(Settings settings) throws PluginException {
        return RedisAddress.parse(settings.string(URL));
    }

    /** @return the names, duplicates dropped, or empty for every queue */
    private static List<String> queues(List<String> names) throws PluginException {
        if (names.isEmpty()) {
            throw new PluginException("setting 'queues' is empty; list at least one Sidekiq queue, like "
                    + "[\"default\"], or [\"*\"] for every queue");
        }
        if (names.contains(ALL_QUEUES)) {
            if (names.size() > 1) {
                throw new PluginException("setting 'queues': \"*\" already means every queue; write [\"*\"] alone, "
                        + "or list the queues by name");
            }
            return List.of();
        }
        for (String name : names) {
            if (name.isBlank()) {
                throw new PluginException("setting 'queues' contains an empty queue name; remove it");
            }
            if (!name.equals(name.strip())) {
                throw new PluginException("setting 'queues': queue \"" + name + "\" starts or ends with a space, "
                        + "which Sidekiq queue names never do; remove the space");
            }
            if (name.startsWith("queue:")) {
                throw new PluginException("setting 'queues' takes queue names, not Redis keys: write \""
                        + name.substring("queue:".length()) + "\" instead of \"" + name + "\"");
            }
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private static String namespace(String namespace) throws PluginException {
        if (namespace.endsWith(":")) {
            throw new PluginException("setting 'namespace' is written without the colon sidekiq-namespace adds: "
                    + "write \"" + namespace.substring(0, namespace.length() - 1) + "\"");
        }
        if (!namespace.equals(namespace.strip())) {
            throw new PluginException("setting 'namespace' starts or ends with a space; remove it");
        }
        return namespace;
    }

    private static Duration timeout(Duration timeout) throws PluginException {
        if (timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new PluginException("setting 'timeout' must be between 1ms and 24d, like \"2s\"");
        }
        return timeout;
    }

    /** One check that may fail with a message for the user. */
    @FunctionalInterface
    private interface Check {
        Object run() throws PluginException;
    }

    private static void check(List<SettingProblem> problems, String key, Check check) {
        try {
            check.run();
        } catch (PluginException e) {
            problems.add(new SettingProblem(key, e.getMessage()));
        }
    }
}
