package io.autoscalebot.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A declaration refuses, when the plugin declares it, what could only fail later in a user's configuration. */
class SettingTest {

    @Test
    void keepsAnExampleInTheSettingsTypeAndRefusesOneOfAnotherType() {
        assertThat(Setting.of("ratio", SettingType.NUMBER).example(2).example()).contains(2.0);
        assertThat(Setting.of("ratio", SettingType.NUMBER).example()).isEmpty();
        assertThatThrownBy(() -> Setting.of("port", SettingType.INTEGER).example("80"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its example must be");
    }

    @Test
    void neverShowsASecretsExample() {
        assertThat(Setting.of("url", SettingType.STRING).asSecret().example("redis://:pw@db").toString())
                .contains("example=****").doesNotContain("pw@db");
    }

    @Test
    void keepsBoundsInTheSettingsValueType() {
        Setting port = Setting.of("port", SettingType.INTEGER).atLeast(1).atMost(65_535);
        Setting ratio = Setting.of("ratio", SettingType.NUMBER).atLeast(0).atMost(0.5);
        Setting wait = Setting.of("wait", SettingType.DURATION).atLeast(Duration.ofMillis(1));

        assertThat(port.minimum()).contains(1);
        assertThat(port.maximum()).contains(65_535);
        assertThat(ratio.minimum()).contains(0.0);
        assertThat(ratio.maximum()).contains(0.5);
        assertThat(wait.minimum()).contains(Duration.ofMillis(1));
        assertThat(wait.maximum()).isEmpty();
    }

    @Test
    void refusesBoundsOnSettingsThatAreNotNumbersOrDurations() {
        assertThatThrownBy(() -> Setting.of("name", SettingType.STRING).atLeast(1))
                .hasMessageContaining("setting 'name': bounds are only for integer, number and duration settings");
    }

    @Test
    void refusesAFractionalBoundOnAnIntegerAndANumberBoundOnADuration() {
        assertThatThrownBy(() -> Setting.of("count", SettingType.INTEGER).atLeast(0.5))
                .hasMessageContaining("setting 'count': a bound of integer must be a whole number that fits 32 bits");
        assertThatThrownBy(() -> Setting.of("wait", SettingType.DURATION).atMost(30))
                .hasMessageContaining("setting 'wait': a duration's bound is a Duration");
    }

    @Test
    void refusesAMinimumAboveTheMaximum() {
        assertThatThrownBy(() -> Setting.of("port", SettingType.INTEGER).atLeast(10).atMost(5))
                .hasMessageContaining("setting 'port': its minimum 10 is above its maximum 5");
    }

    @Test
    void refusesADefaultOutsideTheBoundsWhicheverIsDeclaredFirst() {
        assertThatThrownBy(() -> Setting.of("port", SettingType.INTEGER).defaultValue(0).atLeast(1))
                .hasMessageContaining("setting 'port': its default must be at least 1, got 0");
        assertThatThrownBy(() -> Setting.of("steps", SettingType.INTEGER_LIST).atLeast(1)
                .defaultValue(List.of(3, 0)))
                .hasMessageContaining("setting 'steps': its default must be at least 1, got 0");
    }

    @Test
    void refusesADefaultOfAnotherTypeButReadsAWholeNumberAsANumber() {
        assertThatThrownBy(() -> Setting.of("wait", SettingType.DURATION).defaultValue(30))
                .hasMessageContaining("setting 'wait': its default must be duration (as a java.time.Duration)");
        assertThat(Setting.of("ratio", SettingType.NUMBER).defaultValue(2).defaultValue()).isEqualTo(2.0);
    }

    @Test
    void copiesAreEqualWhenTheirDeclarationsAre() {
        Setting a = Setting.of("port", SettingType.INTEGER).defaultValue(587).atLeast(1).doc("The port.");
        Setting b = Setting.of("port", SettingType.INTEGER).atLeast(1).defaultValue(587).doc("The port.");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.atMost(65_535)).isNotEqualTo(a);
    }

    @Test
    void neverShowsASecretsDefault() {
        assertThat(Setting.of("url", SettingType.STRING).asSecret().defaultValue("redis://:hunter2@h/0").toString())
                .contains("defaultValue=****").doesNotContain("hunter2");
    }
}
