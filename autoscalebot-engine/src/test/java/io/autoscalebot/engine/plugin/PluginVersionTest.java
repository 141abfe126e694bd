package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginVersionTest {

    @Test
    void comparesReleasePartsAsNumbersNotText() {
        assertThat(PluginVersion.compare("1.10.0", "1.9.0")).isPositive();
        assertThat(PluginVersion.compare("2.0", "10.0")).isNegative();
    }

    @Test
    void missingReleasePartsCountAsZero() {
        assertThat(PluginVersion.compare("1.0", "1.0.0")).isZero();
        assertThat(PluginVersion.compare("1", "1.0.1")).isNegative();
    }

    @Test
    void aPreReleaseIsBelowItsRelease() {
        assertThat(PluginVersion.compare("1.0.0-SNAPSHOT", "1.0.0")).isNegative();
        assertThat(PluginVersion.compare("1.0.0", "1.0.0-rc.1")).isPositive();
        assertThat(PluginVersion.compare("1.0.0-rc.1", "0.9.9")).isPositive();
    }

    @Test
    void ordersPreReleasesAsSemanticVersioningDoes() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
        List<String> shuffled = new ArrayList<>(ordered);
        Collections.reverse(shuffled);

        shuffled.sort(PluginVersion.ORDER);

        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }

    @Test
    void ignoresBuildMetadata() {
        assertThat(PluginVersion.compare("1.2.0+build.7", "1.2.0+build.9")).isZero();
    }

    @Test
    void aVersionThatIsNoNumberIsBelowEveryNumberedOne() {
        assertThat(PluginVersion.compare("?", "0.0.1")).isNegative();
        assertThat(PluginVersion.compare("0.0.1-SNAPSHOT", "unknown")).isPositive();
    }
}
