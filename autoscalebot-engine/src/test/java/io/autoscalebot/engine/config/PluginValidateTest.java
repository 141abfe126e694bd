package io.autoscalebot.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plugin's own validate, run while loading the configuration: each problem at its key's FILE:LINE:COL. */
class PluginValidateTest extends ConfigFileTest {

    /** A group whose measure is the gauge; lines 3 to 6 are its table, for tests that add a setting at line 5. */
    private static final String GAUGE_GROUP = """
            [groups.web]
            max = 3
            [groups.web.measure]
            plugin = "gauge"
            # settings
            [groups.web.decide]
            plugin = "consecutive-threshold"
            [groups.web.scale]
            plugin = "local"
            """;

    private List<String> errors(String settings) {
        return files.errors(GAUGE_GROUP.replace("# settings", settings), TestProviders.catalogWithGauge(), Map.of());
    }

    @Test
    void reportsAProblemThePluginFindsAtTheKeyItNames() {
        List<String> errors = errors("max_value = 10\nmin_value = 50");

        assertThat(errors).singleElement().asString().startsWith(files.at(6, 1))
                .endsWith("gauge: min_value (50.0) is above max_value (10.0); lower min_value");
    }

    @Test
    void reportsAProblemAboutADefaultAtTheComponentsTable() {
        List<String> errors = errors("max_value = -5");

        assertThat(errors).singleElement().asString().startsWith(files.at(3, 13))
                .endsWith("gauge: min_value (0.0) is above max_value (-5.0); lower min_value");
    }

    @Test
    void reportsEveryProblemOfEveryComponentTogether() {
        List<String> errors = errors("min_value = 50\nmax_value = 10\ntoken = \"bad-one\"");

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith(files.at(5, 1)).contains("min_value (50.0) is above max_value (10.0)");
        assertThat(errors.get(1)).startsWith(files.at(7, 1)).contains("token '****' is not a gauge token");
    }

    @Test
    void neverShowsASecretThePluginQuotes() {
        List<String> errors = errors("token = \"bad-s3cr3t\"");

        assertThat(errors).singleElement().asString().contains("token '****'").doesNotContain("s3cr3t");
    }

    @Test
    void doesNotAskThePluginWhenTheSchemaAlreadyRefusedTheSettings() {
        List<String> errors = errors("min_value = \"low\"\nmode = \"throw\"");

        assertThat(errors).singleElement().asString().startsWith(files.at(5, 1))
                .contains("gauge: setting 'min_value' expected a number");
    }

    @Test
    void reportsAValidateThatThrowsAsThePluginsBugAtItsTableWithoutAStackTrace() {
        List<String> errors = errors("mode = \"throw\"");

        assertThat(errors).singleElement().asString().startsWith(files.at(3, 13))
                .contains("gauge: plugin 'gauge' built-in failed to check these settings (a bug in the plugin, not in"
                        + " this file): it threw IllegalStateException: boom; ask the plugin's author")
                .doesNotContain("\tat ").doesNotContain("TestProviders");
    }

    @Test
    void reportsAValidateThatAnswersNullAsThePluginsBug() {
        List<String> errors = errors("mode = \"null\"");

        assertThat(errors).singleElement().asString().contains("it returned null instead of a list of problems");
    }

    @Test
    void givesUpOnAValidateThatHangs() {
        List<String> errors = files.errors(GAUGE_GROUP.replace("# settings", "mode = \"hang\""),
                TestProviders.catalogWithGauge(), Duration.ofMillis(300));

        assertThat(errors).singleElement().asString().startsWith(files.at(3, 13))
                .contains("failed to check these settings (a bug in the plugin, not in this file): it did not answer"
                        + " within 300 ms");
    }

    @Test
    void acceptsSettingsThePluginFindsFine() throws Exception {
        EngineConfig config = files.load(GAUGE_GROUP.replace("# settings", "min_value = 5\nmax_value = 10"),
                TestProviders.catalogWithGauge(), Map.of());

        assertThat(config.groups().get(0).measure().settings().number("min_value")).isEqualTo(5.0);
    }
}
