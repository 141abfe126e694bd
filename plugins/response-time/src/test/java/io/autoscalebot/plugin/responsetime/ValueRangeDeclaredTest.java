package io.autoscalebot.plugin.responsetime;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The range the engine holds this measure's readings to: a reading outside it is a failed measurement. */
class ValueRangeDeclaredTest {

    @Test
    void declaresTimeReadings() throws Exception {
        Settings settings = TestSettings.resolve(new ResponseTimeProvider(), Map.of("url", "http://127.0.0.1:8080/health"));

        assertThat(new ResponseTimeProvider().valueRange(settings)).isEqualTo(ValueRange.TIME);
    }
}
