package io.autoscalebot.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTextTest {

    @Test
    void formatDurationWritesWhatParseDurationReads() {
        for (String text : List.of("0s", "250ms", "30s", "5m", "1h30m", "2d", "1d2h3m4s5ms")) {
            assertThat(DurationText.format(DurationText.parse(text))).isEqualTo(text);
        }
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThatThrownBy(() -> DurationText.format(Duration.ofSeconds(-1)))
                .hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> DurationText.parse("soon"))
                .hasMessageContaining("expected a duration like \"250ms\", \"30s\", \"5m\" or \"1h30m\", got \"soon\"");
    }

    @Test
    void closestIgnoresCaseAndStaysWithinATyposReach() {
        List<String> ids = List.of("response-time", "celery-redis", "heroku-service-time");

        assertThat(DidYouMean.closest("Respons-Time", ids)).contains("response-time");
        assertThat(DidYouMean.closest("redis", ids)).isEmpty();
    }

    @Test
    void unknownSettingSuggestsTheClosestOrListsTheKnownOnes() {
        assertThat(DidYouMean.unknownSetting("urll", List.of("url", "timeout")))
                .isEqualTo("unknown setting 'urll' (did you mean 'url'?)");
        assertThat(DidYouMean.unknownSetting("colour", List.of("url", "timeout")))
                .isEqualTo("unknown setting 'colour' (known settings: url, timeout)");
    }

    @Test
    void writesValuesAndBoundsAsAUserWritesThem() {
        assertThat(SettingsResolver.text(2.5)).isEqualTo("2.5");
        assertThat(SettingsResolver.text(1.0)).isEqualTo("1");
        assertThat(SettingsResolver.text(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(SettingsResolver.text(65_535)).isEqualTo("65535");
    }
}
