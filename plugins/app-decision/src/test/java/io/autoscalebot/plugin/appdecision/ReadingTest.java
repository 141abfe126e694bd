package io.autoscalebot.plugin.appdecision;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.plugin.appdecision.json.Json;
import io.autoscalebot.plugin.appdecision.json.Pointers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The numbers of an app's answer, as the two modes read them. */
class ReadingTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void measuresAnyFiniteNumberAndRefusesOneBeyondTheRangeOfADouble() throws Exception {
        Reading depth = new Reading.Value(Pointers.parse("/depth"), "jobs");

        assertThat(depth.read(Json.parse("{\"depth\": 1.5e3}"), NOW)).isEqualTo(Measurement.of(NOW, 1500, "jobs"));
        assertThat(depth.read(Json.parse("{\"depth\": 123456789012345678901234567890}"), NOW).value())
                .isEqualTo(1.2345678901234568e29);
        assertThat(depth.read(Json.parse("{\"depth\": 1e400}"), NOW).failure())
                .isEqualTo("the number at pointer \"/depth\" is too large");
    }

    @Test
    void takesAWholeNumberWrittenWithAFractionAsACountButNotAFraction() throws Exception {
        Reading web = new Reading.Instructed("web");

        assertThat(web.read(Json.parse("{\"web\": 3.0}"), NOW).instruction()).isEqualTo(Instruction.exact(3));
        assertThat(web.read(Json.parse("{\"web\": 2.5}"), NOW).failure())
                .startsWith("the instruction under \"web\" is the number 2.5: expected");
        assertThat(web.read(Json.parse("{\"web\": 1e400}"), NOW).failure())
                .startsWith("the instruction under \"web\" is a number too large to read: expected");
        assertThat(web.read(Json.parse("{\"web\": 99999999999}"), NOW).failure())
                .startsWith("the instruction under \"web\" is the number 99999999999: expected");
    }
}
