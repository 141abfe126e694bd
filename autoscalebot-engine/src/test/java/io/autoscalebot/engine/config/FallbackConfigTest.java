package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code [groups.NAME.fallback]} and {@code setup_timeout}: read, defaulted and checked with their positions. */
class FallbackConfigTest extends ConfigFileTest {

    private static final String FALLBACK = VALID_GROUP + """
            [groups.web.fallback]
            after = 5
            processes = 4
            """;

    @Test
    void readsTheFallbackAndTheSetupTimeout() throws ConfigException {
        GroupConfig web = files.load(FALLBACK.replace("max = 3", "max = 3\nsetup_timeout = \"45s\""))
                .groups().get(0);

        assertThat(web.fallback()).isEqualTo(new Fallback(5, OptionalInt.of(4)));
        assertThat(web.setupTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void withoutTheTablesTheDecidePluginHandlesFailuresAndSetupGetsThirtySeconds() throws ConfigException {
        GroupConfig web = files.load(VALID_GROUP).groups().get(0);

        assertThat(web.fallback()).isEqualTo(Fallback.NONE);
        assertThat(web.setupTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFallbackWithoutProcessesHoldsAfterThreeFailuresByDefault() throws ConfigException {
        GroupConfig web = files.load(VALID_GROUP + "[groups.web.fallback]\n").groups().get(0);

        assertThat(web.fallback()).isEqualTo(new Fallback(3, OptionalInt.empty()));
    }

    @Test
    void rejectsAfterBelowOneAtItsPosition() {
        String error = files.onlyError(FALLBACK.replace("after = 5", "after = 0"));

        assertThat(error).startsWith(files.at(11, 1)).contains("after must be 1 or more", "got 0");
    }

    @Test
    void rejectsANegativeFallbackCount() {
        String error = files.onlyError(FALLBACK.replace("processes = 4", "processes = -1"));

        assertThat(error).startsWith(files.at(12, 1)).contains("processes must be 0 or more", "leave it out to hold");
    }

    @Test
    void rejectsAnUnknownFallbackKeyWithASuggestion() {
        String error = files.onlyError(FALLBACK.replace("processes = 4", "procesess = 4"));

        assertThat(error).contains("unknown setting 'procesess' (did you mean 'processes'?)");
    }
}
