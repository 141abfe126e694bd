package io.autoscalebot.plugin.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.InvalidSettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

class MemoryScaleTest {

    private final MemoryProvider provider = new MemoryProvider();

    private Scale create(Map<String, ?> raw) throws Exception {
        return provider.create(TestSettings.resolve(provider.settings(), raw), TestContexts.plugin().build());
    }

    @Test
    void startsAtTheStartSetting() throws Exception {
        assertThat(create(Map.of("start", 3)).current()).isEqualTo(3);
    }

    @Test
    void startsAtZeroWithoutAStartSoTheEngineBringsItUpToMin() throws Exception {
        assertThat(create(Map.of()).current()).isZero();
    }

    @Test
    void scaleToSetsTheCountThatCurrentReadsBack() throws Exception {
        Scale scale = create(Map.of("start", 2));

        assertThat(scale.scaleTo(7)).isEqualTo(7);
        assertThat(scale.current()).isEqualTo(7);
        assertThat(scale.scaleTo(1)).isEqualTo(1);
        assertThat(scale.current()).isEqualTo(1);
    }

    @Test
    void eachInstanceKeepsItsOwnCount() throws Exception {
        Scale web = create(Map.of("start", 1));
        Scale worker = create(Map.of("start", 1));

        web.scaleTo(5);

        assertThat(worker.current()).isEqualTo(1);
    }

    @Test
    void rejectsANegativeStartWithTheSettingsName() {
        assertThatThrownBy(() -> create(Map.of("start", -1)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'start'").hasMessageContaining("must be at least 0, got -1");
    }

    @Test
    void rejectsANegativeTarget() throws Exception {
        Scale scale = create(Map.of("start", 2));

        assertThatThrownBy(() -> scale.scaleTo(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(scale.current()).isEqualTo(2);
    }
}
