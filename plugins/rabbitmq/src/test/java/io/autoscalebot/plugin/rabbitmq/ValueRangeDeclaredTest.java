package io.autoscalebot.plugin.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.measure.ValueRange;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The range the engine holds this measure's readings to: a reading outside it is a failed measurement. */
class ValueRangeDeclaredTest {

    @Test
    void declaresCountReadings() throws Exception {
        Settings settings = TestSettings.resolve(new RabbitMqProvider(), Map.of("username", "guest", "password", "guest-password", "queues", List.of("jobs")));

        assertThat(new RabbitMqProvider().valueRange(settings)).isEqualTo(ValueRange.COUNT);
    }
}
