package io.autoscalebot.plugin.celeryredis;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The settings of one {@code celery-redis} measure, checked and typed.
 *
 * @param address where the broker is
 * @param keys every Redis list to count, priority lists included
 * @param unackedKey kombu's hash of reserved but unacknowledged messages (prefixed), or {@code null} to leave it out
 * @param report what the measurement reports
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
record CeleryRedisConfig(RedisAddress address, List<QueueKey> keys, String unackedKey, Report report,
                         Duration connectTimeout, Duration readTimeout) {

    static final String URL = "url";
    static final String QUEUES = "queues";
    static final String PRIORITY_STEPS = "priority_steps";
    static final String KEY_PREFIX = "key_prefix";
    static final String INCLUDE_UNACKED = "include_unacked";
    static final String REPORT = "report";
    static final String CONNECT_TIMEOUT = "connect_timeout";
    static final String READ_TIMEOUT = "read_timeout";

    /** Jedis takes timeouts as an int of milliseconds: 24 days is the last whole day that fits. */
    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(24);

    /** kombu's default {@code unacked_key}: a hash of delivery tag to message, for messages handed to a worker. */
    static final String UNACKED_KEY = "unacked";

    /** The declared settings, with the docs users read. */
    static final List<Setting> SCHEMA = List.of(
            Setting.of(URL, SettingType.STRING).defaultValue("redis://localhost:6379/0").asSecret()
                    .example("redis://:PASSWORD@redis.internal:6379/0")
                    .doc("Celery's broker URL: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB], or rediss:// for TLS "
                            + "(add ?ssl_cert_reqs=none only for a broker with a self-signed certificate). "
                            + "Percent-encode special characters in the password. Shown as ****."),
            Setting.of(QUEUES, SettingType.STRING_LIST).defaultValue(List.of("celery"))
                    .doc("The Celery queues whose waiting tasks are added up (Celery's default queue is \"celery\")."),
            Setting.of(PRIORITY_STEPS, SettingType.INTEGER_LIST).defaultValue(List.of(3, 6, 9)).atLeast(0)
                    .doc("The priority steps of kombu's Redis transport (broker_transport_options priority_steps), "
                            + "like [3, 6, 9]. Step 0, the list named after the queue, is always counted; each "
                            + "other step N is the list QUEUE\\x06\\x16N."),
            Setting.of(KEY_PREFIX, SettingType.STRING).defaultValue("")
                    .doc("kombu's global_keyprefix (broker_transport_options), put in front of every key."),
            Setting.of(INCLUDE_UNACKED, SettingType.BOOLEAN).defaultValue(false)
                    .doc("Also count the tasks workers have reserved but not yet acknowledged (kombu's \"unacked\" "
                            + "hash). That hash spans every queue of the broker, not only the listed ones. "
                            + "Only with report = \"count\"."),
            Setting.of(REPORT, SettingType.STRING).defaultValue("count").choices("count", "oldest_age")
                    .doc("\"count\": the number of waiting tasks (unit tasks). \"oldest_age\": how long the "
                            + "longest-waiting task has waited, in seconds (0 when none waits). Celery's messages "
                            + "carry no publish time, so oldest_age needs the AMQP timestamp property set when "
                            + "publishing (apply_async(..., timestamp=time.time()) or properties['timestamp'] in a "
                            + "before_task_publish handler); a task with an ETA waits from its ETA."),
            Setting.of(CONNECT_TIMEOUT, SettingType.DURATION).defaultValue(Duration.ofSeconds(2))
                    .atLeast(Duration.ofMillis(1)).atMost(LONGEST_TIMEOUT)
                    .doc("How long to wait for a connection to Redis."),
            Setting.of(READ_TIMEOUT, SettingType.DURATION).defaultValue(Duration.ofSeconds(2))
                    .atLeast(Duration.ofMillis(1)).atMost(LONGEST_TIMEOUT)
                    .doc("How long to wait for Redis to answer a command."));

    /** Copies the key list so the configuration stays immutable. */
    CeleryRedisConfig {
        keys = List.copyOf(keys);
    }

    /**
     * Checks what the schema alone cannot: the URL, the queue names, and include_unacked with the oldest age. For the
     * provider's {@code validate}; nothing here connects to Redis.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return every problem, at the setting to change; never showing the URL's password
     */
    static List<SettingProblem> problems(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        try {
            RedisAddress.parse(settings.string(URL));
        } catch (PluginException e) {
            problems.add(new SettingProblem(URL, e.getMessage()));
        }
        List<String> queues = settings.stringList(QUEUES);
        if (queues.isEmpty()) {
            problems.add(new SettingProblem(QUEUES, "setting 'queues' is empty; list at least one Celery queue, like"
                    + " [\"celery\"]"));
        } else if (queues.stream().anyMatch(String::isBlank)) {
            problems.add(new SettingProblem(QUEUES, "setting 'queues' contains an empty queue name; remove it"));
        }
        if (settings.bool(INCLUDE_UNACKED) && Report.fromLabel(settings.string(REPORT)) != Report.COUNT) {
            problems.add(new SettingProblem(INCLUDE_UNACKED, "setting 'include_unacked' only applies to report ="
                    + " \"count\": reserved tasks are already running, so they have no waiting age; remove"
                    + " include_unacked or use report = \"count\""));
        }
        return problems;
    }

    /**
     * Reads settings {@link #problems} accepts.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the configuration
     * @throws PluginException with the first problem, for a caller that skipped the engine's validation
     */
    static CeleryRedisConfig from(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.get(0).message());
        }
        Report report = Report.fromLabel(settings.string(REPORT));
        boolean includeUnacked = settings.bool(INCLUDE_UNACKED);
        String prefix = settings.string(KEY_PREFIX);
        return new CeleryRedisConfig(RedisAddress.parse(settings.string(URL)),
                QueueKey.of(prefix, queues(settings.stringList(QUEUES)), steps(settings.integerList(PRIORITY_STEPS))),
                includeUnacked ? prefix + UNACKED_KEY : null, report,
                settings.duration(CONNECT_TIMEOUT), settings.duration(READ_TIMEOUT));
    }

    /** @return the queue names without repeats, in order */
    private static List<String> queues(List<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /**
     * Sorts the steps (0 or more: the engine checked their bound) without repeats; 0 is the bare key, which is always
     * counted, so it is dropped here rather than counted twice.
     */
    private static List<Integer> steps(List<Integer> declared) {
        TreeSet<Integer> steps = new TreeSet<>(declared);
        steps.remove(0);
        return new ArrayList<>(steps);
    }
}
