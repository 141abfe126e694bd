package io.autoscalebot.plugin.sidekiq;

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
        Settings settings = TestSettings.resolve(new SidekiqProvider(), Map.of());

        assertThat(new SidekiqProvider().valueRange(settings)).isEqualTo(ValueRange.COUNT);
    }

    @Test
    void declaresTimeReadingsForReportLatency() throws Exception {
        Settings settings = TestSettings.resolve(new SidekiqProvider(), Map.of("report", "latency"));

        assertThat(new SidekiqProvider().valueRange(settings)).isEqualTo(ValueRange.TIME);
    }
}
