package io.autoscalebot.plugin.celeryredis;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The range the engine holds this measure's readings to: a reading outside it is a failed measurement. */
class ValueRangeDeclaredTest {

    @Test
    void declaresCountReadings() throws Exception {
        Settings settings = TestSettings.resolve(new CeleryRedisProvider(), Map.of());

        assertThat(new CeleryRedisProvider().valueRange(settings)).isEqualTo(ValueRange.COUNT);
    }

    @Test
    void declaresTimeReadingsForReportOldestAge() throws Exception {
        Settings settings = TestSettings.resolve(new CeleryRedisProvider(), Map.of("report", "oldest_age"));

        assertThat(new CeleryRedisProvider().valueRange(settings)).isEqualTo(ValueRange.TIME);
    }
}
