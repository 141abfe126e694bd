package io.autoscalebot.plugin.staticvalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.autoscalebot.testkit.TestSettings;
import io.autoscalebot.testkit.TestContexts;

class StaticMeasureTest {

    private final StaticProvider provider = new StaticProvider();

    @TempDir
    Path folder;

    private Measure create(Map<String, ?> raw) throws Exception {
        return provider.create(TestSettings.resolve(provider.settings(), raw), TestContexts.plugin().build());
    }

    private Measure fromFile(Path file) throws Exception {
        return create(Map.of("file", file.toString(), "unit", "ms"));
    }

    @Test
    void returnsTheFixedValueWithItsUnitAtTheEnginesTime() throws Exception {
        Measure measure = create(Map.of("value", 512, "unit", "ms"));

        assertThat(measure.measure()).isEqualTo(Measurement.of(TestContexts.TIME, 512, "ms"));
        assertThat(measure.measure()).isEqualTo(Measurement.of(TestContexts.TIME, 512, "ms"));
    }

    @Test
    void hasNoUnitUnlessOneIsSet() throws Exception {
        assertThat(create(Map.of("value", 3.5)).measure().unit()).isEmpty();
    }

    @Test
    void readsTheNumberTheFileHoldsAgainAtEveryMeasure() throws Exception {
        Path file = folder.resolve("load.txt");
        Files.writeString(file, "300\n");
        Measure measure = fromFile(file);

        assertThat(measure.measure()).isEqualTo(Measurement.of(TestContexts.TIME, 300, "ms"));

        Files.writeString(file, "  1250.5  ");
        assertThat(measure.measure()).isEqualTo(Measurement.of(TestContexts.TIME, 1250.5, "ms"));
    }

    @Test
    void aMissingFileIsAFailedMeasurementNamingIt() throws Exception {
        Path file = folder.resolve("absent.txt");

        Measurement measurement = fromFile(file).measure();

        assertThat(measurement.succeeded()).isFalse();
        assertThat(measurement.failure()).contains(file.toString(), "does not exist", "write a number");
    }

    @Test
    void aFileThatAppearsLaterIsReadFromThenOn() throws Exception {
        Path file = folder.resolve("later.txt");
        Measure measure = fromFile(file);
        assertThat(measure.measure().succeeded()).isFalse();

        Files.writeString(file, "42");

        assertThat(measure.measure().value()).isEqualTo(42);
    }

    @Test
    void anEmptyFileIsAFailedMeasurementSayingSo() throws Exception {
        Path file = Files.writeString(folder.resolve("empty.txt"), " \n");

        assertThat(fromFile(file).measure().failure()).contains(file.toString(), "is empty");
    }

    @Test
    void aFileHoldingTextIsAFailedMeasurementQuotingIt() throws Exception {
        Path file = Files.writeString(folder.resolve("garbage.txt"), "fast\u0007ish");

        assertThat(fromFile(file).measure().failure())
                .contains(file.toString(), "\"fast?ish\"", "not a number");
    }

    @Test
    void aFileHoldingNaNOrInfinityIsAFailedMeasurement() throws Exception {
        Path file = folder.resolve("nan.txt");
        Measure measure = fromFile(file);

        Files.writeString(file, "NaN");
        assertThat(measure.measure().failure()).contains("finite number");
        Files.writeString(file, "-Infinity");
        assertThat(measure.measure().failure()).contains("finite number");
    }

    @Test
    void aLargeFileIsRefusedWithoutReadingItWhole() throws Exception {
        Path file = Files.writeString(folder.resolve("big.log"), "1".repeat(10_000));

        assertThat(fromFile(file).measure().failure()).contains("more than " + FileMeasure.MAX_BYTES + " bytes");
    }

    @Test
    void aDirectoryIsAFailedMeasurementNotAnException() throws Exception {
        Measurement measurement = fromFile(folder).measure();

        assertThat(measurement.failure()).contains("cannot read " + folder);
    }

    @Test
    void rejectsBothValueAndFile() {
        List<SettingProblem> problems = TestSettings.problems(provider, Map.of("value", 1, "file", "load.txt"));

        assertThat(problems).extracting(SettingProblem::key).containsExactly("file");
        assertThat(problems.get(0).message()).contains("not both");
    }

    @Test
    void rejectsNeitherValueNorFileSayingWhatToSet() {
        assertThat(TestSettings.problems(provider, Map.of("unit", "ms"))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("set 'value'").contains("or 'file'"));
    }

    @Test
    void rejectsABlankFile() {
        assertThatThrownBy(() -> create(Map.of("file", " "))).hasMessageContaining("'file' is empty");
    }

    @Test
    void validateFindsNothingWrongWithOneOfThem() throws Exception {
        assertThat(provider.validate(TestSettings.resolve(provider.settings(), Map.of("value", 1)))).isEmpty();
        assertThat(provider.validate(TestSettings.resolve(provider.settings(), Map.of("file", "x")))).isEmpty();
    }
}
