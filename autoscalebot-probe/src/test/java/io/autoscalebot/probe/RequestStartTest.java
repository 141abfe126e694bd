package io.autoscalebot.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autoscalebot.probe.RequestStart.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestStartTest {

    // 2025-12-02T02:00:00.500Z: when the app saw the request.
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_764_640_800L, 500_000_000L), ZoneOffset.UTC);

    private static RequestStart parse(String header) {
        return RequestStart.parse(header, CLOCK.instant());
    }

    @Test
    void readsHerokuMillisecondsWithoutPrefix() {
        RequestStart start = parse("1764640800377");
        assertThat(start.outcome()).isEqualTo(Outcome.MEASURED);
        assertThat(start.millis()).isEqualTo(123.0);
    }

    @Test
    void readsMicrosecondsAfterTEquals() {
        RequestStart start = parse("t=1764640800376544");
        assertThat(start.outcome()).isEqualTo(Outcome.MEASURED);
        assertThat(start.millis()).isCloseTo(123.456, within(1e-9));
    }

    @Test
    void readsNanosecondsAfterTEquals() {
        RequestStart start = parse("t=1764640800376543211");
        assertThat(start.outcome()).isEqualTo(Outcome.MEASURED);
        assertThat(start.millis()).isCloseTo(123.456789, within(1e-9));
    }

    @Test
    void readsNginxSecondsWithAFraction() {
        RequestStart start = parse("t=1764640800.250");
        assertThat(start.outcome()).isEqualTo(Outcome.MEASURED);
        assertThat(start.millis()).isCloseTo(250.0, within(1e-9));
    }

    @Test
    void readsWholeSecondsAndSurroundingSpaces() {
        RequestStart start = parse("  t=1764640799 ");
        assertThat(start.outcome()).isEqualTo(Outcome.MEASURED);
        assertThat(start.millis()).isEqualTo(1500.0);
    }

    @Test
    void readsMillisecondsWithTEqualsToo() {
        assertThat(parse("t=1764640800000").millis()).isEqualTo(500.0);
    }

    @Test
    void acceptsAStartTimeUpToAnHourAgo() {
        long hourAgoMillis = CLOCK.millis() - RequestStart.PLAUSIBLE.toMillis();
        assertThat(parse(Long.toString(hourAgoMillis)).millis()).isEqualTo(3_600_000.0);
        assertThat(parse(Long.toString(hourAgoMillis - 1)).outcome()).isEqualTo(Outcome.GARBAGE);
    }

    @Test
    void clampsAStartTimeInTheFutureToZero() {
        RequestStart start = parse("1764640800540");
        assertThat(start.outcome()).isEqualTo(Outcome.CLAMPED);
        assertThat(start.millis()).isZero();
    }

    @Test
    void clampsFutureTimesInEveryUnit() {
        assertThat(parse("t=1764640801.5").outcome()).isEqualTo(Outcome.CLAMPED);
        assertThat(parse("t=1764640800600000").outcome()).isEqualTo(Outcome.CLAMPED);
        assertThat(parse("t=1764640800600000000").outcome()).isEqualTo(Outcome.CLAMPED);
    }

    @Test
    void aStartTimeExactlyNowIsZeroNotClamped() {
        RequestStart start = parse("1764640800500");
        assertThat(start.outcome()).isEqualTo(Outcome.MEASURED);
        assertThat(start.millis()).isZero();
    }

    @Test
    void aMissingHeaderIsMissing() {
        assertThat(parse(null).outcome()).isEqualTo(Outcome.MISSING);
        assertThat(parse("   ").outcome()).isEqualTo(Outcome.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "t=", "t", "-1764640800377", "+1764640800377", "1.764640800377e12",
            "1764640800.25.1", ".5", "5.", "t=t=1764640800377", "1764640800377 ms", "0x1A", "12345", "0",
            "99999999999999999999999999999999999999999", "1764640800377,1764640800378",
            // a month ago, in each unit: a time, but not a queue time
            "1762048800000", "t=1762048800.0", "t=1762048800000000", "t=1762048800000000000"})
    void ignoresGarbage(String header) {
        RequestStart start = parse(header);
        assertThat(start.outcome()).isEqualTo(Outcome.GARBAGE);
        assertThat(start.millis()).isZero();
    }
}
