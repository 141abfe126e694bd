package io.autoscalebot.plugin.rabbitmq;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of one {@code rabbitmq} measure, checked and typed.
 *
 * @param url the management API's base URL, without a trailing slash
 * @param username the user the measure logs in as
 * @param password that user's password; never shown
 * @param vhost the virtual host the queues are in
 * @param queues the queues whose messages are added up
 * @param count which messages count
 * @param report what the measurement reports
 * @param caFile the certificate authorities to trust for https, if not the JVM's
 * @param timeout how long one measurement may take, every request included
 */
record RabbitMqConfig(URI url, String username, String password, String vhost, List<String> queues, Count count,
                      Report report, Optional<Path> caFile, Duration timeout) {

    static final String URL = "url";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String VHOST = "vhost";
    static final String QUEUES = "queues";
    static final String COUNT = "count";
    static final String REPORT = "report";
    static final String CA_FILE = "ca_file";
    static final String TIMEOUT = "timeout";

    /** The declared settings, with the docs users read. */
    static final List<Setting> SCHEMA = List.of(
            Setting.of(URL, SettingType.URI).defaultValue(URI.create("http://localhost:15672"))
                    .doc("The base URL of RabbitMQ's management plugin (rabbitmq-plugins enable rabbitmq_management): "
                            + "http://HOST:15672 by default, https://HOST:15671 with TLS, plus the path prefix if "
                            + "management.path_prefix is set. Not the AMQP port 5672. Give the user and password in "
                            + "'username' and 'password', not in the URL."),
            Setting.of(USERNAME, SettingType.STRING).asRequired()
                    .doc("The RabbitMQ user to log in as. It needs the \"monitoring\" tag (rabbitmqctl set_user_tags "
                            + "USER monitoring) and access to the vhost; no read or write rights are needed "
                            + "(rabbitmqctl set_permissions -p VHOST USER \"\" \"\" \"\")."),
            Setting.of(PASSWORD, SettingType.STRING).asRequired().asSecret()
                    .doc("That user's password, sent as HTTP Basic authentication."),
            Setting.of(VHOST, SettingType.STRING).defaultValue("/")
                    .doc("The virtual host the queues are in; RabbitMQ's default is \"/\". Written as is: the plugin "
                            + "encodes it for the URL (\"/\" becomes %2F)."),
            Setting.of(QUEUES, SettingType.STRING_LIST).asRequired()
                    .doc("The queues whose messages are added up, like [\"emails\", \"reports\"]."),
            Setting.of(COUNT, SettingType.STRING).defaultValue(Count.READY.label())
                    .choices(Count.READY.label(), Count.READY_PLUS_UNACKED.label())
                    .doc("\"ready\": the messages waiting for a consumer (messages_ready). \"ready+unacked\": also "
                            + "those delivered to a consumer and not yet acknowledged (messages_unacknowledged), "
                            + "which counts work in progress as load too. RabbitMQ's management plugin samples these "
                            + "figures every 5s, so a reading can be that old; collect_statistics_interval in "
                            + "rabbitmq.conf (milliseconds) samples more often, at some cost on a broker with many "
                            + "queues."),
            Setting.of(REPORT, SettingType.STRING).defaultValue(Report.MESSAGES.label())
                    .choices(Report.MESSAGES.label(), Report.MESSAGES_PER_CONSUMER.label())
                    .doc("\"messages\": the counted messages of all queues (unit messages). "
                            + "\"messages_per_consumer\": those divided by the queues' consumers added up (unit "
                            + "messages/consumer), the backlog each worker faces, which is what target-tracking's "
                            + "target is written in; no consumer counts as one, and a consumer of two listed queues "
                            + "counts twice."),
            Setting.of(CA_FILE, SettingType.STRING)
                    .doc("A PEM file with the certificate authorities to trust for an https url, for a broker whose "
                            + "certificate an in-house CA signed; the JVM's trusted authorities by default."),
            Setting.of(TIMEOUT, SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
                    .doc("How long one measurement may take, every queue's request included. Keep it below the "
                            + "group's timeout (default 10s), or the engine cuts the call off first and its reason "
                            + "is lost."));

    /** Copies the queue list so the configuration stays immutable. */
    RabbitMqConfig {
        queues = List.copyOf(queues);
    }

    /**
     * Every check that needs no network: the URL's form, the vhost and queue names, the CA file, the timeout.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return what is wrong, empty when nothing is
     */
    static List<SettingProblem> problems(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        URI url = settings.uri(URL);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(new SettingProblem(URL, "setting 'url' must be an http or https URL, got scheme \"" + scheme
                    + "\"; write it like \"http://rabbitmq.example.com:15672\""));
        } else if (url.getHost() == null) {
            problems.add(new SettingProblem(URL, "setting 'url' has no host name; write it like "
                    + "\"http://rabbitmq.example.com:15672\""));
        }
        if (url.getRawUserInfo() != null) {
            problems.add(new SettingProblem(URL, "setting 'url' carries a user name or password (USER:PASSWORD@); "
                    + "remove it and set 'username' and 'password' instead, so the password is kept secret"));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            problems.add(new SettingProblem(URL, "setting 'url' is the management API's base URL and takes no "
                    + "'?query' or '#fragment'; remove them"));
        }
        if (settings.string(USERNAME).isEmpty()) {
            problems.add(new SettingProblem(USERNAME, "setting 'username' is empty; give the RabbitMQ user to log in as"));
        }
        if (settings.string(VHOST).isEmpty()) {
            problems.add(new SettingProblem(VHOST, "setting 'vhost' is empty; RabbitMQ's default vhost is \"/\""));
        }
        problems.addAll(queueProblems(settings.stringList(QUEUES)));
        settings.optionalString(CA_FILE).ifPresent(file -> {
            if (!scheme.equals("https")) {
                problems.add(new SettingProblem(CA_FILE, "setting 'ca_file' applies to an https url only; remove it, "
                        + "or write 'url' with https://"));
            }
            try {
                TrustedCertificates.read(Path.of(file));
            } catch (PluginException | java.nio.file.InvalidPathException e) {
                problems.add(new SettingProblem(CA_FILE, e.getMessage()));
            }
        });
        if (settings.duration(TIMEOUT).isZero()) {
            problems.add(new SettingProblem(TIMEOUT, "setting 'timeout' must be longer than 0s and below the group's "
                    + "timeout, like \"5s\""));
        }
        return problems;
    }

    private static List<SettingProblem> queueProblems(List<String> queues) {
        List<SettingProblem> problems = new ArrayList<>();
        if (queues.isEmpty()) {
            problems.add(new SettingProblem(QUEUES, "setting 'queues' is empty; list at least one queue, like "
                    + "[\"emails\"]"));
        }
        Set<String> seen = new HashSet<>();
        for (String queue : queues) {
            if (queue.isBlank()) {
                problems.add(new SettingProblem(QUEUES, "setting 'queues' lists an empty queue name; remove it"));
            } else if (!seen.add(queue)) {
                problems.add(new SettingProblem(QUEUES, "setting 'queues' lists '" + queue + "' twice, which would "
                        + "count its messages twice; list it once"));
            }
        }
        return problems;
    }

    /**
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the configuration
     * @throws PluginException listing every problem {@link #problems} finds
     */
    static RabbitMqConfig from(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        String base = settings.uri(URL).toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new RabbitMqConfig(URI.create(base), settings.string(USERNAME), settings.string(PASSWORD),
                settings.string(VHOST), settings.stringList(QUEUES), Count.fromLabel(settings.string(COUNT)),
                Report.fromLabel(settings.string(REPORT)), settings.optionalString(CA_FILE).map(Path::of),
                settings.duration(TIMEOUT));
    }

    /** The generated form would print the password. */
    @Override
    public String toString() {
        return "RabbitMqConfig[url=" + url + ", username=" + username + ", password=" + Redaction.MASK + ", vhost="
                + vhost + ", queues=" + queues + ", count=" + count.label() + ", report=" + report.label()
                + ", caFile=" + caFile + ", timeout=" + timeout + "]";
    }
}
