package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.plugin.Component;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documentation written from the settings declarations. */
class SettingsDocsTest {

    private final Component responseTime = Component.builtIn(new TestProviders.ResponseTime());

    @Test
    void describesEachSettingInTextWithDefaultsInTomlSyntax() {
        String text = SettingsDocs.text(responseTime);

        assertThat(text).startsWith("response-time (measure component of plugin response-time)\nTimes a GET of a URL.\n")
                .contains("  url (uri, required)\n      The URL to time a GET of.\n")
                .contains("  timeout (duration, default \"5s\", at least 100ms, at most 1m)\n")
                .contains("  token (string, not set, secret)\n")
                .contains("  method (string, default \"GET\", one of: GET, HEAD)\n")
                .contains("  samples (integer, default 3, at least 1, at most 10)\n")
                .contains("  headers (list of strings, default [\"Accept: */*\"])\n");
    }

    @Test
    void saysWhenAComponentTakesNoSettings() {
        assertThat(SettingsDocs.text(Component.builtIn(new TestProviders.Local()))).endsWith("Settings: none\n");
    }

    @Test
    void writesAMarkdownTableOfSettings() {
        String page = SettingsDocs.markdown(responseTime, "1.2.0");

        assertThat(page).startsWith("# response-time\n\nA *measure* component of plugin `response-time` version 1.2.0.\n")
                .contains("| Setting | Type | Default | Description |\n|---|---|---|---|\n")
                .contains("| `url` | uri | required | The URL to time a GET of. |\n")
                .contains("| `timeout` | duration | default \"5s\" | How long to wait for the response. Minimum: 100ms."
                        + " Maximum: 1m. |\n")
                .contains("| `token` | string | not set | Bearer token sent with the request. Secret: never shown")
                .contains("| `method` | string | default \"GET\" | The HTTP method. One of: `GET`, `HEAD`. |\n")
                .contains("| `samples` | integer | default 3 | Requests timed per measurement. Minimum: 1. Maximum: 10. |\n");
    }

    @Test
    void showsTheBoundsOfNumbersAndOfEachItemOfAListOfIntegers() {
        String text = SettingsDocs.text(Component.builtIn(new TestProviders.ConsecutiveThreshold()));

        assertThat(text).contains("  ratio (number, default 1.5, at least 1, at most 2.5)\n")
                .contains("  steps (list of integers, default [1, 2, 4], at least 1)\n");
    }

    @Test
    void writesAnExampleWithRequiredSettingsAndSecretsFromTheEnvironment() {
        String page = SettingsDocs.markdown(Component.builtIn(new TestProviders.Webhook()), "0.3.0");

        assertThat(page).endsWith("```toml\n[[groups.web.notify]]\nplugin = \"webhook\"\nurl = \"${WEBHOOK_URL}\"\n```\n");
    }

    @Test
    void theExampleShowsTheValuesThePluginGaveAndLeavesOutOptionalSecretsWithoutOne() {
        Component component = Component.builtIn(new Examples());

        assertThat(SettingsDocs.markdown(component, "1.0.0")).endsWith("```toml\n[groups.web.measure]\n"
                + "plugin = \"examples\"\n"
                + "target = \"deployment/web\"   # required\n"
                + "value = 500.0\n"
                + "url = \"${EXAMPLES_URL}\"   # like \"redis://redis.internal:6379/0\"\n```\n");
    }

    /** Settings with and without examples: the password, optional and secret, has none. */
    private static final class Examples implements MeasureProvider {
        @Override
        public String id() {
            return "examples";
        }

        @Override
        public String description() {
            return "Examples.";
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.of("target", SettingType.STRING).asRequired().example("deployment/web").doc("What."),
                    Setting.of("value", SettingType.NUMBER).example(500).doc("A value."),
                    Setting.of("unit", SettingType.STRING).defaultValue("").doc("Not in the example."),
                    Setting.of("url", SettingType.STRING).asSecret().example("redis://redis.internal:6379/0")
                            .doc("Where."),
                    Setting.of("password", SettingType.STRING).asSecret().doc("An alternative to the url."));
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("docs never create plugins");
        }
    }

    @Test
    void neverShowsTheDefaultOfASecretSetting() {
        Component redis = Component.builtIn(new SecretDefault());

        assertThat(SettingsDocs.text(redis)).contains("  url (uri, default ****, secret)\n")
                .doesNotContain("hunter2");
        assertThat(SettingsDocs.markdown(redis, "1.0.0")).contains("| `url` | uri | default `****` | The broker URL.")
                .doesNotContain("hunter2");
    }

    /** A measure whose secret URL has a default holding a password, as a local broker's might. */
    private static final class SecretDefault implements MeasureProvider {
        @Override
        public String id() {
            return "queue";
        }

        @Override
        public String description() {
            return "Reads a queue.";
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.of("url", SettingType.URI).asSecret()
                    .defaultValue(URI.create("redis://:hunter2@localhost:6379/0")).doc("The broker URL."));
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("docs never create plugins");
        }
    }

    @Test
    void rendersValuesAsTheyAreWrittenInToml() {
        assertThat(TomlText.of(java.time.Duration.ofSeconds(90))).isEqualTo("\"1m30s\"");
        assertThat(TomlText.of(java.time.Duration.ofMillis(250))).isEqualTo("\"250ms\"");
        assertThat(TomlText.of(java.util.List.of("a", "b"))).isEqualTo("[\"a\", \"b\"]");
        assertThat(TomlText.of("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(TomlText.of(true)).isEqualTo("true");
    }
}
