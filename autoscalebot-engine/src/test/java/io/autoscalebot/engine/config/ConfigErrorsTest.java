package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per kind of configuration mistake, each asserting the FILE:LINE:COL of the message and what it says. */
class ConfigErrorsTest extends ConfigFileTest {

    @Test
    void reportsASyntaxErrorAtTheParsersPosition() {
        String error = files.onlyError("""
                state_dir = "state"
                [groups.web
                max = 3
                """);

        assertThat(error).startsWith(files.at(2, 12)).contains("invalid TOML");
    }

    @Test
    void reportsAKeySetTwiceAtTheSecondOneNamingTheFirst() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\nmin = 1\nmax = 4"));

        assertThat(error).startsWith(files.at(4, 1)).contains("invalid TOML: groups.web.max is set twice (first at line 2)");
    }

    @Test
    void reportsAMissingFileAtLineZero() {
        ConfigException thrown = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(folder.resolve("absent.toml"), TestProviders.catalog(), Map.of()));

        assertThat(thrown.getMessage()).startsWith(folder.resolve("absent.toml") + ":0:0: ")
                .contains("configuration file not found");
    }

    @Test
    void reportsAFolderGivenAsTheFileAtLineZero() {
        ConfigException thrown = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(folder, TestProviders.catalog(), Map.of()));

        assertThat(thrown.getMessage()).startsWith(folder + ":0:0: ").contains("is a directory");
    }

    @Test
    void reportsAnUnknownTopLevelKeyWithASuggestion() {
        String error = files.onlyError("state_dirr = \"x\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(1, 1)).contains("unknown setting 'state_dirr' (did you mean 'state_dir'?)");
    }

    @Test
    void reportsAnUnknownGroupKeyWithASuggestion() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\nintervall = \"5s\""));

        assertThat(error).startsWith(files.at(3, 1)).contains("unknown setting 'intervall' (did you mean 'interval'?)");
    }

    @Test
    void reportsAnUnknownComponentSettingWithASuggestion() {
        String error = files.onlyError(VALID_GROUP.replace("url = ", "urll = \"x\"\nurl = "));

        assertThat(error).startsWith(files.at(5, 1)).contains("response-time: unknown setting 'urll' (did you mean 'url'?)");
    }

    @Test
    void reportsAValueOfTheWrongType() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = \"three\""));

        assertThat(error).startsWith(files.at(2, 1))
                .contains("max: expected an integer, got the string \"three\" (or a time-of-day table like");
    }

    @Test
    void reportsAPluginSettingOfTheWrongType() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"consecutive-threshold\"",
                "plugin = \"consecutive-threshold\"\ncount = \"many\""));

        assertThat(error).startsWith(files.at(8, 1))
                .contains("consecutive-threshold: setting 'count' expected an integer, got the string \"many\"");
    }

    @Test
    void reportsAnIntegerBelowItsMinimumNamingTheKeyTheBoundAndTheValue() {
        String error = files.onlyError(VALID_GROUP.replace("url = ", "samples = 0\nurl = "));

        assertThat(error).startsWith(files.at(5, 1))
                .endsWith("response-time: setting 'samples' must be at least 1, got 0");
    }

    @Test
    void reportsADurationAboveItsMaximumAsItIsWritten() {
        String error = files.onlyError(VALID_GROUP.replace("url = ", "timeout = \"90s\"\nurl = "));

        assertThat(error).startsWith(files.at(5, 1))
                .endsWith("response-time: setting 'timeout' must be at most 1m, got 1m30s");
    }

    @Test
    void reportsANumberAboveItsMaximum() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"consecutive-threshold\"",
                "plugin = \"consecutive-threshold\"\nratio = 3.75"));

        assertThat(error).startsWith(files.at(8, 1))
                .endsWith("consecutive-threshold: setting 'ratio' must be at most 2.5, got 3.75");
    }

    @Test
    void reportsTheItemOfAListOfIntegersThatIsOutOfBounds() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"consecutive-threshold\"",
                "plugin = \"consecutive-threshold\"\nsteps = [1, 0, 2]"));

        assertThat(error).startsWith(files.at(8, 1))
                .endsWith("consecutive-threshold: setting 'steps' item 2 must be at least 1, got 0");
    }

    @Test
    void reportsAListOfIntegersHoldingSomethingElse() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"consecutive-threshold\"",
                "plugin = \"consecutive-threshold\"\nsteps = [1, \"two\"]"));

        assertThat(error).startsWith(files.at(8, 1))
                .contains("consecutive-threshold: setting 'steps' expected a list of integers, found item the string \"two\"");
    }

    @Test
    void reportsAMissingRequiredSettingAtItsTable() {
        String error = files.onlyError(VALID_GROUP.replace("url = \"http://localhost:8080/health\"\n", ""));

        assertThat(error).startsWith(files.at(3, 13))
                .contains("response-time: missing required setting 'url' (uri): The URL to time a GET of.");
    }

    @Test
    void reportsAMissingPluginKey() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"local\"", "count = 2"));

        assertThat(error).startsWith(files.at(8, 13))
                .contains("missing 'plugin' in [groups.web.scale]: name the scale plugin to use, like plugin = \"local\"");
    }

    @Test
    void reportsAMissingComponentTableAtTheGroup() {
        String error = files.onlyError(VALID_GROUP.replace("[groups.web.decide]\nplugin = \"consecutive-threshold\"\n", ""));

        assertThat(error).startsWith(files.at(1, 9))
                .contains("group 'web' has no decide: add a [groups.web.decide] table")
                .contains("decide plugins: consecutive-threshold");
    }

    @Test
    void reportsAnUnknownPluginWithASuggestionAndTheAvailableOnes() {
        String error = files.onlyError(VALID_GROUP.replace("\"response-time\"", "\"respons-time\""));

        assertThat(error).startsWith(files.at(4, 1))
                .contains("unknown measure plugin 'respons-time' (did you mean 'response-time'? available: response-time)");
    }

    @Test
    void reportsAnInstalledPluginThatDidNotLoadWithWhy() {
        List<String> errors = files.errors(VALID_GROUP.replace("\"response-time\"", "\"prometheus\""),
                TestProviders.catalogWithBrokenPrometheus(), Map.of());

        assertThat(errors).singleElement().asString().startsWith(files.at(4, 1))
                .contains("measure plugin 'prometheus' is installed but could not be loaded: plugins/prometheus needs")
                .contains("needs API [2.0,3.0)");
    }

    @Test
    void reportsAPluginOfTheWrongKind() {
        String error = files.onlyError(VALID_GROUP.replace("plugin = \"local\"", "plugin = \"console\""));

        assertThat(error).startsWith(files.at(9, 1))
                .contains("'console' is a notify plugin, not a scale plugin (scale plugins: local)");
    }

    @Test
    void reportsMinGreaterThanMax() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "min = 4\nmax = 3"));

        assertThat(error).startsWith(files.at(2, 1)).contains("min (4) is greater than max (3): lower min or raise max");
    }

    @Test
    void reportsMinGreaterThanMaxAtTheTimeOfDayItHappens() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3",
                "min = { \"0:00\" = 1, \"8:00\" = 4 }\nmax = { \"0:00\" = 2, \"9:00\" = 5 }"));

        assertThat(error).startsWith(files.at(2, 1)).contains("min (4) is greater than max (2) from 8:00");
    }

    @Test
    void reportsMinGreaterThanMaxWhenTheMaxTableWrapsPastMidnight() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3",
                "min = 2\nmax = { \"6:00\" = 4, \"22:00\" = 1 }"));

        assertThat(error).startsWith(files.at(2, 1)).contains("min (2) is greater than max (1) from 0:00");
    }

    @Test
    void reportsABadTimeZoneWithASuggestion() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\ntimezone = \"America/Vancuver\""));

        assertThat(error).startsWith(files.at(3, 1))
                .contains("unknown time zone 'America/Vancuver' (did you mean 'America/Vancouver'?)");
    }

    @Test
    void reportsABadTimeOfDayKeyAtThatKey() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = { \"0:00\" = 2, \"25:00\" = 3 }"));

        assertThat(error).startsWith(files.at(2, 21))
                .contains("max: bad time of day \"25:00\": write H:MM from 0:00 to 23:59");
    }

    @Test
    void reportsTheSameTimeOfDayWrittenTwice() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = { \"8:00\" = 2, \"08:00\" = 3 }"));

        assertThat(error).startsWith(files.at(2, 21)).contains("\"08:00\" is the same time of day as \"8:00\"");
    }

    @Test
    void reportsAZeroInterval() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\ninterval = 0"));

        assertThat(error).startsWith(files.at(3, 1)).contains("interval must be longer than 0");
    }

    @Test
    void reportsAZeroTimeout() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\ntimeout = \"0s\""));

        assertThat(error).startsWith(files.at(3, 1)).contains("timeout must be longer than 0");
    }

    @Test
    void reportsANegativeInterval() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\ninterval = -5"));

        assertThat(error).startsWith(files.at(3, 1)).contains("interval: expected a duration >= 0, got -5");
    }

    @Test
    void reportsATimeoutLongerThanTheInterval() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\ninterval = \"10s\"\ntimeout = \"15s\""));

        assertThat(error).startsWith(files.at(4, 1)).contains("timeout (15s) is longer than interval (10s)");
    }

    @Test
    void reportsAnUnknownNotifyOnEventAtTheListItem() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\nnotify_on = [\"scale\", \"scaled\"]"));

        assertThat(error).startsWith(files.at(3, 23)).contains("unknown event 'scaled' in notify_on (did you mean 'SCALE'?")
                .contains("events: MEASUREMENT, SCALE,");
    }

    @Test
    void reportsTooFewTooRapidScales() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\ntoo_rapid_scales = 0"));

        assertThat(error).startsWith(files.at(3, 1)).contains("too_rapid_scales must be 1 or more, got 0");
    }

    @Test
    void reportsAMissingMax() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "min = 1"));

        assertThat(error).startsWith(files.at(1, 9)).contains("group 'web' needs max");
    }

    @Test
    void reportsANegativeCount() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "min = -1\nmax = 3"));

        assertThat(error).startsWith(files.at(2, 1)).contains("min must be 0 or more, got -1");
    }

    @Test
    void reportsNoGroupsAtAll() {
        String error = files.onlyError("state_dir = \"x\"\n");

        assertThat(error).startsWith(files.at(1, 1)).contains("no groups: add at least one, like [groups.web]");
    }

    @Test
    void reportsAnEmptyGroupsTable() {
        String error = files.onlyError("state_dir = \"x\"\n[groups]\n");

        assertThat(error).startsWith(files.at(2, 2)).contains("groups is empty");
    }

    @Test
    void reportsAGroupNameThatCannotNameFiles() {
        String error = files.onlyError(VALID_GROUP.replace("groups.web", "groups.\"my web\""));

        assertThat(error).startsWith(files.at(1, 9)).contains("group name 'my web' may only have letters, digits");
    }

    @Test
    void reportsAnUnsetEnvironmentVariableAtItsValue() {
        String error = files.onlyError(VALID_GROUP.replace("\"http://localhost:8080/health\"", "\"${HEALTH_URL}\""));

        assertThat(error).startsWith(files.at(5, 1)).contains("environment variable 'HEALTH_URL' is not set");
    }

    @Test
    void reportsAnUnsetEnvironmentVariableInsideAList() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\nnotify_on = [\"SCALE\", \"${EVENT}\"]"));

        assertThat(error).startsWith(files.at(3, 23)).contains("environment variable 'EVENT' is not set");
    }

    @Test
    void reportsAnotherNotifyEntryAtItsOwnTable() {
        String error = files.onlyError(VALID_GROUP + """
                [[groups.web.notify]]
                plugin = "console"
                [[groups.web.notify]]
                plugin = "webhook"
                """);

        assertThat(error).startsWith(files.at(12, 14)).contains("webhook: missing required setting 'url'");
    }

    @Test
    void reportsAnUnknownEventInANotifiersTimeTableAtItsItem() {
        String error = files.onlyError(VALID_GROUP + """
                [[groups.web.notify]]
                plugin = "console"
                notify_on = { "0:00" = [], "8:00" = ["ABOVE_MAXX"] }
                """);

        assertThat(error).startsWith(files.at(12, 38))
                .contains("unknown event 'ABOVE_MAXX' in notify_on (did you mean 'ABOVE_MAX'?");
    }

    @Test
    void reportsABadTimeOfDayInANotifiersTimeTableAtThatKey() {
        String error = files.onlyError(VALID_GROUP + """
                [[groups.web.notify]]
                plugin = "console"
                notify_on = { "8:00" = ["ABOVE_MAX"], "18:60" = [] }
                """);

        assertThat(error).startsWith(files.at(12, 39))
                .contains("notify_on: bad time of day \"18:60\": write H:MM from 0:00 to 23:59");
    }

    @Test
    void reportsANotifiersTimeTableEntryThatIsNotAList() {
        String error = files.onlyError(VALID_GROUP + """
                [[groups.web.notify]]
                plugin = "console"
                notify_on = { "8:00" = 3 }
                """);

        assertThat(error).startsWith(files.at(12, 15))
                .contains("notify_on at 8:00: expected").contains("[] for none");
    }

    @Test
    void reportsANotifierAskingForAnEventTheGroupNeverSends() {
        String error = files.onlyError(VALID_GROUP + """
                [[groups.web.notify]]
                plugin = "console"
                notify_on = { "8:00" = ["SCALE"], "18:00" = [] }
                """);

        assertThat(error).startsWith(files.at(12, 1))
                .contains("notify_on names SCALE, which the group never sends: add it to the group's notify_on");
    }

    @Test
    void reportsANotifyEntryThatIsNotATable() {
        String error = files.onlyError(VALID_GROUP.replace("max = 3", "max = 3\nnotify = [\"console\"]"));

        assertThat(error).startsWith(files.at(3, 11))
                .contains("each notify entry must be a table: write [[groups.web.notify]] with plugin");
    }

    @Test
    void neverEchoesASecretValue() {
        List<String> errors = files.errors(VALID_GROUP + """
                [[groups.web.notify]]
                plugin = "webhook"
                url = "${HOOK}"
                """, TestProviders.catalog(), Map.of("HOOK", "hooks-token-s3cr3t"));

        assertThat(errors).singleElement().asString().startsWith(files.at(12, 1))
                .contains("webhook: setting 'url' expected uri")
                .doesNotContain("s3cr3t");
    }

    @Test
    void reportsEveryErrorAtOnceInFileOrder() {
        List<String> errors = files.errors("""
                [groups.web]
                max = "three"
                timezone = "Nowhere/Atlantis"
                [groups.web.measure]
                plugin = "respons-time"
                [groups.web.decide]
                plugin = "consecutive-threshold"
                count = "x"
                """);

        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith(files.at(1, 9)).contains("has no scale");
        assertThat(errors.get(1)).startsWith(files.at(2, 1)).contains("max: expected an integer");
        assertThat(errors.get(2)).startsWith(files.at(3, 1)).contains("unknown time zone 'Nowhere/Atlantis'");
        assertThat(errors.get(3)).startsWith(files.at(5, 1)).contains("unknown measure plugin 'respons-time'");
        assertThat(errors.get(4)).startsWith(files.at(8, 1)).contains("setting 'count' expected an integer");
    }
}
