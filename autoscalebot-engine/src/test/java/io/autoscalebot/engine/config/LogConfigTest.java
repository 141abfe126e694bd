package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The [log] section: the summary line is off unless asked for, and a wrong value is reported where it is written. */
class LogConfigTest extends ConfigFileTest {

    @Test
    void hasNoSummaryLineWithoutALogSection() throws Exception {
        assertThat(files.load(VALID_GROUP).logSummary()).isZero();
    }

    @Test
    void readsTheSummaryPeriod() throws Exception {
        assertThat(files.load("[log]\nsummary = \"5m\"\n" + VALID_GROUP).logSummary()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsASummaryThatIsNotADuration() {
        String error = files.onlyError("[log]\nsummary = \"often\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("summary");
    }

    @Test
    void rejectsAnUnknownKeyWithTheOnesItKnows() {
        String error = files.onlyError("[log]\nsumary = \"1m\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(2, 1)).contains("sumary").contains("summary");
    }

    @Test
    void rejectsALogKeyThatIsNotATable() {
        String error = files.onlyError("log = \"1m\"\n" + VALID_GROUP);

        assertThat(error).startsWith(files.at(1, 1)).contains("must be a table").contains("summary = \"1m\"");
    }
}
