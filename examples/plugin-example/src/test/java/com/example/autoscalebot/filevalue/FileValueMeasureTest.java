package com.example.autoscalebot.filevalue;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures a real file, created the way the engine creates it, with the testkit: settings resolved and validated. */
class FileValueMeasureTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path directory;

    private Measure measureOf(Path file) throws Exception {
        FileValueProvider provider = new FileValueProvider();
        Settings settings = TestSettings.resolve(provider, Map.of("path", file.toString(), "unit", "tasks"));
        PluginContext context = TestContexts.plugin().clock(Clock.fixed(NOW, ZoneOffset.UTC)).stateDirectory(directory)
                .build();
        return provider.create(settings, context);
    }

    @Test
    void readsTheNumberInTheFileWithItsUnitAtTheEngineTime() throws Exception {
        Path file = Files.writeString(directory.resolve("load.txt"), "42.5\n");

        Measurement measurement = measureOf(file).measure();

        assertThat(measurement).isEqualTo(Measurement.of(NOW, 42.5, "tasks"));
    }

    @Test
    void failsWhenTheFileIsMissing() throws Exception {
        Path file = directory.resolve("missing.txt");

        Measurement measurement = measureOf(file).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).isEqualTo(file + " does not exist; write a number into it");
        assertThat(measurement.time()).isEqualTo(NOW);
    }

    @Test
    void failsWhenTheFileHoldsSomethingElseThanANumber() throws Exception {
        Path file = Files.writeString(directory.resolve("load.txt"), "busy\n");

        Measurement measurement = measureOf(file).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).isEqualTo(file + " holds 'busy', not a number");
    }

    @Test
    void rejectsABlankPathWhenTheConfigurationLoads() {
        assertThat(TestSettings.problems(new FileValueProvider(), Map.of("path", " ")))
                .extracting(SettingProblem::key).containsExactly("path");
    }
}
