package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.ApiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "[1.0,2.0); 1.0; true",
        "[1.0,2.0); 1.9; true",
        "[1.0,2.0); 2.0; false",
        "[1.0,2.0); 0.9; false",
        "(1.0,2.0]; 1.0; false",
        "(1.0,2.0]; 2.0; true",
        "[1.0,);    7.3; true",
        "(,2.0);    0.1; true",
        "(,2.0);    2.0; false",
        "[1.2];     1.2; true",
        "[1.2];     1.3; false",
        "1.0;       1.0; true",
        "1.1;       1.0; false",
        "*;         9.9; true"})
    void containsTheVersionsBetweenItsBounds(String range, String version, boolean contained) {
        assertThat(ApiRange.parse(range).contains(ApiVersion.parse(version))).isEqualTo(contained);
    }

    @Test
    void aBareVersionMeansThatVersionOrLater() {
        assertThat(ApiRange.parse("1.0")).hasToString("[1.0,)");
    }

    @Test
    void printsInCanonicalForm() {
        assertThat(ApiRange.parse(" [1.0,2.0) ")).hasToString("[1.0,2.0)");
        assertThat(ApiRange.parse("(,2)")).hasToString("(,2.0)");
        assertThat(ApiRange.parse("[1.2]")).hasToString("[1.2]");
        assertThat(ApiRange.parse("*")).isEqualTo(ApiRange.ANY).hasToString("*");
    }

    @Test
    void tellsWhetherTheRangeIsAboveAVersion() {
        assertThat(ApiRange.parse("[2.0,3.0)").isAbove(ApiVersion.parse("1.0"))).isTrue();
        assertThat(ApiRange.parse("[0.1,1.0)").isAbove(ApiVersion.parse("1.0"))).isFalse();
        assertThat(ApiRange.parse("(1.0,2.0)").isAbove(ApiVersion.parse("1.0"))).isTrue();
    }

    @Test
    void rejectsAMissingClosingBracketSayingHowToWriteARange() {
        assertThatThrownBy(() -> ApiRange.parse("[1.0,2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'[1.0,2.0' must end with ] or )")
                .hasMessageContaining("write a range like [1.0,2.0)");
    }

    @Test
    void rejectsABoundThatIsNotAVersion() {
        assertThatThrownBy(() -> ApiRange.parse("[1.0.0,2.0)"))
                .hasMessageContaining("API version must be MAJOR.MINOR (like 1.0), got '1.0.0'");
    }

    @Test
    void rejectsAnInclusiveMissingBound() {
        assertThatThrownBy(() -> ApiRange.parse("[,2.0)"))
                .hasMessageContaining("a missing bound is open, written '(,'");
    }

    @Test
    void rejectsARangeWithoutVersions() {
        assertThatThrownBy(() -> ApiRange.parse("[2.0,1.0)")).hasMessageContaining("contains no version");
        assertThatThrownBy(() -> ApiRange.parse("[1.0,1.0)")).hasMessageContaining("contains no version");
    }

    @Test
    void rejectsAnEmptyRangeText() {
        assertThatThrownBy(() -> ApiRange.parse("  ")).hasMessageContaining("the range is empty");
    }

    @Test
    void rejectsARangeWithoutOpeningBracket() {
        assertThatThrownBy(() -> ApiRange.parse("1.0,2.0)")).hasMessageContaining("must start with [ or (");
    }

    @Test
    void rejectsMoreThanTwoBounds() {
        assertThatThrownBy(() -> ApiRange.parse("[1.0,2.0,3.0)")).hasMessageContaining("has more than two bounds");
    }
}
