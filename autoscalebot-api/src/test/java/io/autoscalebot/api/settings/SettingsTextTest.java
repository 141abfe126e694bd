package io.autoscalebot.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTextTest {

    @Test
    void formatDurationWritesWhatParseDurationReads() {
        for (String text : List.of("0s", "250ms", "30s", "5m", "1h30m", "2d", "1d2h3m4s5ms")) {
            assertThat(SettingType.formatDuration(SettingType.parseDuration(text))).isEqualTo(text);
        }
        assertThat(SettingType.formatDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThatThrownBy(() -> SettingType.formatDuration(Duration.ofSeconds(-1)))
                .hasMessageContaining("must be >= 0");
    }

    @Test
    void closestIgnoresCaseAndStaysWithinATyposReach() {
        List<String> ids = List.of("response-time", "celery-redis", "heroku-service-time");

        assertThat(Settings.closest("Respons-Time", ids)).contains("response-time");
        assertThat(Settings.closest("redis", ids)).isEmpty();
    }

    @Test
    void unknownSettingSuggestsTheClosestOrListsTheKnownOnes() {
        assertThat(Settings.unknownMessage("urll", List.of("url", "timeout")))
                .isEqualTo("unknown setting 'urll' (did you mean 'url'?)");
        assertThat(Settings.unknownMessage("colour", List.of("url", "timeout")))
                .isEqualTo("unknown setting 'colour' (known settings: url, timeout)");
    }
}
