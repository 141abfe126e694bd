package io.autoscalebot.plugin.webhook;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code webhook} notifier's settings, checked beyond what the schema can say.
 *
 * @param url where to POST
 * @param headers extra request headers, in order
 * @param timeout how long one notification may take, every retry included
 * @param textPrefix what goes before the message in {@code text}, or empty
 */
record WebhookSettings(WebhookUrl url, List<Header> headers, Duration timeout, String textPrefix) {

    static final String URL = "url";
    static final String HEADERS = "headers";
    static final String TIMEOUT = "timeout";
    static final String TEXT_PREFIX = "text_prefix";

    /** The declared settings, with the docs users read. */
    static final List<Setting> SCHEMA = List.of(
            Setting.of(URL, SettingType.STRING).asRequired().asSecret()
                    .example("https://hooks.slack.com/services/T000/B000/XXXX")
                    .doc("The webhook's URL, like a Slack incoming webhook https://hooks.slack.com/services/T000/B000/"
                            + "XXXX. It is a secret (the token is in the path): messages show only its scheme and "
                            + "host, and redirects are never followed."),
            Setting.of(HEADERS, SettingType.STRING_LIST).asSecret()
                    .doc("Extra request headers, each written \"Name: value\", like [\"Authorization: Bearer "
                            + "${HOOK_TOKEN}\"]; take secrets from the environment with ${NAME}. The values are "
                            + "secrets, never shown."),
            Setting.of(TIMEOUT, SettingType.DURATION).defaultValue(Duration.ofSeconds(5))
                    .doc("How long one notification may take, retries included: a 429 (after its Retry-After), a "
                            + "5xx or a failed connection is tried again with a growing wait while time remains. "
                            + "Keep it below the group's timeout."),
            Setting.of(TEXT_PREFIX, SettingType.STRING).defaultValue("")
                    .doc("Text put with a space before the message in the \"text\" field, like \"[production]\"."));

    /** No notification needs longer; a longer wait is a typo that would hold the engine's notifier thread. */
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

    /** Copies the header list so the settings stay immutable. */
    WebhookSettings {
        headers = List.copyOf(headers);
    }

    /**
     * Every check that needs no connection, each tied to its setting; what {@code config validate} shows.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the problems, empty when the settings are usable; no message quotes the URL or a header value
     */
    static List<SettingProblem> problems(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        check(problems, URL, () -> WebhookUrl.parse(settings.string(URL)));
        check(problems, HEADERS, () -> headers(settings));
        check(problems, TIMEOUT, () -> timeout(settings.duration(TIMEOUT)));
        return List.copyOf(problems);
    }

    /**
     * Reads settings that {@link #problems} found nothing wrong with.
     *
     * @param settings settings resolved against {@link #SCHEMA}
     * @return the settings
     * @throws PluginException with every problem, should the settings not have been validated
     */
    static WebhookSettings from(Settings settings) throws PluginException {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new PluginException(String.join("; ", problems.stream().map(SettingProblem::message).toList()));
        }
        return new WebhookSettings(WebhookUrl.parse(settings.string(URL)), headers(settings),
                timeout(settings.duration(TIMEOUT)), settings.string(TEXT_PREFIX).strip());
    }

    /** @return every secret of these settings, for scrubbing what servers answer */
    Secrets secrets() {
        List<String> secrets = new ArrayList<>(url.secrets());
        for (Header header : headers) {
            secrets.addAll(header.secrets());
        }
        return Secrets.of(secrets);
    }

    private static List<Header> headers(Settings settings) throws PluginException {
        if (!settings.has(HEADERS)) {
            return List.of();
        }
        List<Header> headers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> items = settings.stringList(HEADERS);
        for (int i = 0; i < items.size(); i++) {
            Header header = Header.parse(items.get(i), i + 1);
            if (!names.add(header.name().toLowerCase(Locale.ROOT))) {
                throw new PluginException("setting 'headers': header '" + header.name() + "' is given twice; keep "
                        + "one");
            }
            headers.add(header);
        }
        return headers;
    }

    private static Duration timeout(Duration timeout) throws PluginException {
        if (timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new PluginException("setting 'timeout' must be between 1ms and 10m, like \"5s\"");
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
