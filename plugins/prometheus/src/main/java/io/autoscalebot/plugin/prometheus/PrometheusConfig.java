package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings of one {@code prometheus} measure, checked and typed.
 *
 * @param url Prometheus's base URL, without a trailing slash
 * @param query the PromQL expression
 * @param unit the unit of its value, for people
 * @param token the bearer token, if any; never shown
 * @param username the Basic user name, if any
 * @param password the Basic password, if any; never shown
 * @param caFile the certificate authorities to trust for https, if not the JVM's
 * @param timeout how long one measurement may take
 */
record PrometheusConfig(URI url, String query, String unit, Optional<String> token, Optional<String> username,
                        Optional<String> password, Optional<Path> caFile, Duration timeout) {

    static final String URL = "url";
    static final String QUERY = "query";
    static final String UNIT = "unit";
    static final String TOKEN = "token";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String CA_FILE = "ca_file";
    static final String TIMEOUT = "timeout";

    /** The declared settings, with the docs users read. */
    static final List<Setting> SCHEMA = List.of(
            Setting.of(URL, SettingType.URI).defaultValue(URI.create("http://localhost:9090"))
                    .doc("Prometheus's base URL, like \"http://prometheus:9090\", plus its --web.route-prefix if it "
                            + "has one; the plugin adds /api/v1/query. Any server with Prometheus's query API works "
                            + "(Thanos Query, VictoriaMetrics, Mimir with its /prometheus prefix)."),
            Setting.of(QUERY, SettingType.STRING).asRequired()
                    .doc("The PromQL expression, evaluated as an instant query now; it must return exactly one "
                            + "series with a number, like \"sum(rabbitmq_queue_messages_ready{queue=\\\"emails\\\"})\". "
                            + "Aggregate several series with sum() or max(); write \"... or vector(0)\" if no series "
                            + "means 0. An empty result, several series, NaN or an infinite value is a failed "
                            + "measurement, never a number."),
            Setting.of(UNIT, SettingType.STRING).defaultValue("")
                    .doc("The unit of the value, shown in notifications, like \"jobs\" or \"req/s\"."),
            Setting.of(TOKEN, SettingType.STRING).asSecret()
                    .doc("A bearer token sent as \"Authorization: Bearer <token>\", for a Prometheus behind an "
                            + "authenticating proxy. Not with 'username'."),
            Setting.of(USERNAME, SettingType.STRING)
                    .doc("The user name for HTTP Basic authentication (Prometheus's --web.config.file "
                            + "basic_auth_users, or a proxy); needs 'password'."),
            Setting.of(PASSWORD, SettingType.STRING).asSecret()
                    .doc("The password for HTTP Basic authentication; needs 'username'."),
            Setting.of(CA_FILE, SettingType.STRING)
                    .doc("A PEM file with the certificate authorities to trust for an https url, for a Prometheus "
                            + "whose certificate an in-house CA signed; the JVM's trusted authorities by default."),
            Setting.of(TIMEOUT, SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
                    .doc("How long one measurement may take. Prometheus is asked to give up a tenth earlier (the "
                            + "query's timeout parameter), so its own reason arrives in time. Keep it below the "
                            + "group's timeout (default 10s), or the engine cuts the call off first and its reason "
                            + "is lost."));

    /**
     * Every check that needs no network: the URL's form, the query, the credentials, the CA file, the timeout.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return what is wrong, empty when nothing is
     */
    static List<SettingProblem> problems(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>(urlProblems(settings.uri(URL)));
        if (settings.string(QUERY).isBlank()) {
            problems.add(new SettingProblem(QUERY, "setting 'query' is empty; give a PromQL expression that returns "
                    + "one series, like \"sum(jobs_waiting)\""));
        }
        boolean token = settings.has(TOKEN);
        boolean username = settings.has(USERNAME);
        boolean password = settings.has(PASSWORD);
        if (token && (username || password)) {
            problems.add(new SettingProblem(TOKEN, "settings 'token' and 'username'/'password' are two ways to log "
                    + "in; keep the one your Prometheus or its proxy expects"));
        }
        if (username != password) {
            String missing = username ? PASSWORD : USERNAME;
            problems.add(new SettingProblem(missing, "setting '" + (username ? USERNAME : PASSWORD) + "' needs '"
                    + missing + "' too: HTTP Basic authentication sends both"));
        }
        settings.optionalString(CA_FILE).ifPresent(file -> {
            if (!"https".equalsIgnoreCase(settings.uri(URL).getScheme())) {
                problems.add(new SettingProblem(CA_FILE, "setting 'ca_file' applies to an https url only; remove it, "
                        + "or write 'url' with https://"));
            }
            try {
                TrustedCertificates.read(Path.of(file));
            } catch (PluginException | InvalidPathException e) {
                problems.add(new SettingProblem(CA_FILE, e.getMessage()));
            }
        });
        if (settings.duration(TIMEOUT).isZero()) {
            problems.add(new SettingProblem(TIMEOUT, "setting 'timeout' must be longer than 0s and below the group's "
                    + "timeout, like \"5s\""));
        }
        return problems;
    }

    private static List<SettingProblem> urlProblems(URI url) {
        List<SettingProblem> problems = new ArrayList<>();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(new SettingProblem(URL, "setting 'url' must be an http or https URL, got scheme \"" + scheme
                    + "\"; write it like \"http://prometheus:9090\""));
        } else if (url.getHost() == null) {
            problems.add(new SettingProblem(URL, "setting 'url' has no host name; write it like "
                    + "\"http://prometheus:9090\""));
        }
        if (url.getRawUserInfo() != null) {
            problems.add(new SettingProblem(URL, "setting 'url' carries a user name or password (USER:PASSWORD@); "
                    + "remove it and set 'username' and 'password' instead, so the password is kept secret"));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            problems.add(new SettingProblem(URL, "setting 'url' is Prometheus's base URL and takes no '?query' or "
                    + "'#fragment'; put the PromQL expression in setting 'query'"));
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        if (path.endsWith("/api/v1") || path.endsWith("/api/v1/query") || path.endsWith("/graph")) {
            problems.add(new SettingProblem(URL, "setting 'url' is Prometheus's base URL, without "
                    + path.substring(path.lastIndexOf(path.endsWith("/graph") ? "/graph" : "/api/v1"))
                    + ": the plugin adds /api/v1/query itself"));
        }
        return problems;
    }

    /**
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the configuration
     * @throws PluginException listing every problem {@link #problems} finds
     */
    static PrometheusConfig from(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
        }
        String base = settings.uri(URL).toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new PrometheusConfig(URI.create(base), settings.string(QUERY).strip(), settings.string(UNIT),
                settings.optionalString(TOKEN), settings.optionalString(USERNAME), settings.optionalString(PASSWORD),
                settings.optionalString(CA_FILE).map(Path::of), settings.duration(TIMEOUT));
    }

    /** The generated form would print the token and the password. */
    @Override
    public String toString() {
        return "PrometheusConfig[url=" + url + ", query=" + query + ", unit=" + unit + ", token="
                + token.map(value -> Redaction.MASK) + ", username=" + username + ", password="
                + password.map(value -> Redaction.MASK) + ", caFile=" + caFile + ", timeout=" + timeout + "]";
    }
}
