package io.autoscalebot.plugin.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.SettingProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What validation finds without connecting, each problem at its setting, never quoting a secret. */
class WebhookSettingsTest {

    private static final String SLACK = "https://hooks.slack.com/services/T0123ABCD/B0456EFGH/Xq9tokenZ8kLmN2pQr7sT";

    private final WebhookNotifyProvider provider = new WebhookNotifyProvider();

    @Test
    void needsOnlyTheUrlAndShowsItAsSchemeAndHost() throws Exception {
        WebhookSettings settings = WebhookSettings.from(WebhookFixtures.settings(Map.of("url", SLACK)));

        assertThat(settings.url().redacted()).isEqualTo("https://hooks.slack.com/****");
        assertThat(settings.url().toString()).isEqualTo("https://hooks.slack.com/****");
        assertThat(settings.headers()).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.textPrefix()).isEmpty();
        assertThat(provider.validate(WebhookFixtures.settings(Map.of("url", SLACK)))).isEmpty();
    }

    @Test
    void keepsAPortAndShowsAUrlWithoutPathWhole() throws Exception {
        assertThat(WebhookUrl.parse("http://127.0.0.1:8080/hook?token=abc123XYZ").redacted())
                .isEqualTo("http://127.0.0.1:8080/****");
        assertThat(WebhookUrl.parse("https://relay.example.com").redacted()).isEqualTo("https://relay.example.com");
    }

    @Test
    void readsHeadersWrittenAsNameColonValue() throws Exception {
        WebhookSettings settings = WebhookSettings.from(WebhookFixtures.settings(Map.of("url", SLACK,
                "headers", List.of("Authorization: Bearer abc:def", "X-Api-Key:k3y-k3y-k3y"))));

        assertThat(settings.headers()).containsExactly(new Header("Authorization", "Bearer abc:def"),
                new Header("X-Api-Key", "k3y-k3y-k3y"));
        assertThat(settings.headers().get(0).toString()).isEqualTo("Authorization: ****");
    }

    @Test
    void reportsAPortThatIsNotANumberAtTheUrlWithoutQuotingIt() throws Exception {
        assertThat(problems(Map.of("url", "https://hooks.example.com:notaport/Xq9tokenZ8")))
                .containsExactly(new SettingProblem("url", "setting 'url': the port must be a number from 1 to 65535"));
    }

    @Test
    void reportsEveryProblemAtOnceEachAtItsSettingWithoutQuotingSecrets() throws Exception {
        List<SettingProblem> problems = problems(Map.of("url", "ftp://hooks.example.com/Xq9tokenZ8",
                "headers", List.of("Authorization Bearer Xq9tokenZ8"), "timeout", "0s"));

        assertThat(problems).containsExactly(
                new SettingProblem("url", "setting 'url' must start with https:// (or http://); write it like "
                        + "https://hooks.slack.com/services/T000/B000/XXXX"),
                new SettingProblem("headers", "setting 'headers': item 1 must be written \"Name: value\", like "
                        + "\"Authorization: Bearer ${HOOK_TOKEN}\""),
                new SettingProblem("timeout", "setting 'timeout' must be between 1ms and 10m, like \"5s\""));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).doesNotContain("Xq9tokenZ8"));
    }

    @Test
    void refusesCredentialsInTheUrl() throws Exception {
        assertThat(problems(Map.of("url", "https://bot:Pa55word@hooks.example.com/in")))
                .extracting(SettingProblem::message).singleElement().asString()
                .startsWith("setting 'url' must not carry a user or password").doesNotContain("Pa55word");
    }

    @Test
    void refusesAnUnparsableUrlWithoutQuotingIt() throws Exception {
        assertThat(problems(Map.of("url", "https://hooks.example.com/a b/Xq9tokenZ8")))
                .extracting(SettingProblem::message).singleElement().asString()
                .startsWith("setting 'url' is not a valid URL").doesNotContain("Xq9tokenZ8");
    }

    @Test
    void refusesHeadersTheClientSetsItself() throws Exception {
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("Host: evil.example.com"))))
                .containsExactly(new SettingProblem("headers", "setting 'headers': header 'Host' is set by "
                        + "autoscalebot itself (the body is JSON, sent over HTTP/1.1); remove it"));
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("content-type: text/plain"))))
                .extracting(SettingProblem::key).containsExactly("headers");
    }

    @Test
    void refusesAHeaderValueFromAnEmptyVariable() throws Exception {
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("Authorization:   "))))
                .extracting(SettingProblem::message).containsExactly("setting 'headers': header 'Authorization' has "
                        + "an empty value; if it comes from an environment variable, that variable is empty");
    }

    @Test
    void refusesALineBreakInAHeaderValueWithoutQuotingIt() throws Exception {
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("X-Key: Xq9token\r\nX-Evil: 1"))))
                .extracting(SettingProblem::message).singleElement().asString()
                .contains("header 'X-Key' contains a line break").doesNotContain("Xq9token");
    }

    @Test
    void refusesAReferenceTheEnvironmentDidNotReplace() throws Exception {
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("Authorization: Bearer ${HOOK_TOKEN}"))))
                .extracting(SettingProblem::message).singleElement().asString()
                .contains("header 'Authorization' still holds a \"${\"");
    }

    @Test
    void refusesAHeaderNameWithASpaceAndAHeaderGivenTwice() throws Exception {
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("X Key: v"))))
                .extracting(SettingProblem::message).singleElement().asString()
                .startsWith("setting 'headers': item 1 has no valid header name");
        assertThat(problems(Map.of("url", SLACK, "headers", List.of("X-Key: one", "x-key: two"))))
                .extracting(SettingProblem::message)
                .containsExactly("setting 'headers': header 'x-key' is given twice; keep one");
    }

    @Test
    void refusesToCreateANotifierFromSettingsThatDoNotValidate() {
        assertThatThrownBy(() -> provider.create(WebhookFixtures.settings(Map.of("url", "hooks.slack.com/x",
                "timeout", "1h")), WebhookFixtures.context(Clock.systemUTC())))
                .isInstanceOf(PluginException.class)
                .hasMessage("setting 'url' must start with https:// (or http://); write it like "
                        + "https://hooks.slack.com/services/T000/B000/XXXX; setting 'timeout' must be between 1ms and "
                        + "10m, like \"5s\"");
    }

    @Test
    void showsTheUrlAndHeadersAsSecrets() throws Exception {
        assertThat(WebhookFixtures.settings(Map.of("url", SLACK, "headers", List.of("X-Key: Xq9tokenZ8"))).toString())
                .contains("url=****", "headers=****").doesNotContain("Xq9token").doesNotContain("hooks.slack.com");
    }

    private List<SettingProblem> problems(Map<String, ?> raw) throws Exception {
        return provider.validate(WebhookFixtures.settings(raw));
    }
}
