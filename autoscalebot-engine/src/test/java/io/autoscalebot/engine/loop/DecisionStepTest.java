package io.autoscalebot.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.config.CountSchedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The decide-and-clamp step alone, as a simulator would call it: no threads, no scheduler. */
class DecisionStepTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");
    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    private static DecisionInput input(int current, CountSchedule min, CountSchedule max, ZoneId zone, Instant now) {
        return new DecisionInput("web", now, zone, current, min, max,
                List.of(Measurement.of(now, 1500, "ms")), Optional.empty(), List.of());
    }

    private static DecisionInput input(int current, int min, int max) {
        return input(current, CountSchedule.fixed(min), CountSchedule.fixed(max), ZoneOffset.UTC, NOON);
    }

    @Test
    void capsAWantedCountAboveMaxAndSaysSo() {
        Decide decide = context -> Decision.scaleTo(9, "3 of the last 3 measurements above 1200 ms");

        Verdict verdict = DecisionStep.decide(input(3, 1, 4), decide::decide);

        assertThat(verdict.target()).isEqualTo(4);
        assertThat(verdict.wanted()).hasValue(9);
        assertThat(verdict.conditions()).containsExactly(EventType.ABOVE_MAX);
        assertThat(verdict.reason()).isEqualTo("3 of the last 3 measurements above 1200 ms; wanted 9 but max is 4");
    }

    @Test
    void raisesAWantedCountBelowMinAndSaysSo() {
        Verdict verdict = DecisionStep.decide(input(3, 2, 8), context -> Decision.scaleTo(0, "idle"));

        assertThat(verdict.target()).isEqualTo(2);
        assertThat(verdict.conditions()).containsExactly(EventType.BELOW_MIN);
        assertThat(verdict.reason()).isEqualTo("idle; wanted 0 but min is 2");
    }

    @Test
    void bringsACountOutsideTheBoundsInsideEvenOnAHold() {
        Verdict verdict = DecisionStep.decide(input(7, 1, 5), context -> Decision.hold("within thresholds"));

        assertThat(verdict.scales()).isTrue();
        assertThat(verdict.target()).isEqualTo(5);
        assertThat(verdict.conditions()).as("a hold wants nothing outside the bounds").isEmpty();
        assertThat(verdict.reason()).isEqualTo("within thresholds; max is 5");
    }

    @Test
    void readsTimeOfDayTablesInTheGroupsZoneAcrossMidnight() {
        CountSchedule min = new CountSchedule(new TreeMap<>(Map.of(LocalTime.of(22, 0), 4, LocalTime.of(6, 0), 1)));
        CountSchedule max = CountSchedule.fixed(10);
        Decide hold = context -> Decision.hold("steady");

        // 23:00, 02:00 and 07:00 in Vancouver (PDT, UTC-7) on 2026-06-01/02
        Verdict late = DecisionStep.decide(input(2, min, max, VANCOUVER, Instant.parse("2026-06-02T06:00:00Z")),
                hold::decide);
        Verdict night = DecisionStep.decide(input(2, min, max, VANCOUVER, Instant.parse("2026-06-02T09:00:00Z")),
                hold::decide);
        Verdict morning = DecisionStep.decide(input(2, min, max, VANCOUVER, Instant.parse("2026-06-02T14:00:00Z")),
                hold::decide);

        assertThat(late.target()).isEqualTo(4);
        assertThat(late.reason()).isEqualTo("steady; min is 4 from 22:00");
        assertThat(night.target()).isEqualTo(4);
        assertThat(night.min()).isEqualTo(4);
        assertThat(morning.target()).isEqualTo(2);
        assertThat(morning.min()).isEqualTo(1);
    }

    @Test
    void givesTheDecidePluginTheBoundsInForceNow() {
        CountSchedule max = new CountSchedule(new TreeMap<>(Map.of(LocalTime.of(8, 0), 6, LocalTime.of(20, 0), 2)));
        List<Integer> seenMax = new java.util.ArrayList<>();

        DecisionStep.decide(input(2, CountSchedule.fixed(1), max, VANCOUVER, Instant.parse("2026-06-02T05:00:00Z")),
                context -> {
                    seenMax.add(context.max());
                    return Decision.hold("x");
                });

        assertThat(seenMax).as("22:00 in Vancouver").containsExactly(2);
    }

    @Test
    void aThrowingDecidePluginGivesAFailedVerdictThatStillRespectsTheBounds() {
        Verdict verdict = DecisionStep.decide(input(0, 1, 4), context -> {
            throw new ArithmeticException("/ by zero");
        });

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.failure()).hasValue("decide failed: plugin bug: ArithmeticException: / by zero");
        assertThat(verdict.target()).isEqualTo(1);
        assertThat(verdict.reason()).endsWith("; min is 1");
    }

    @Test
    void aNullDecisionIsAFailedVerdict() {
        Verdict verdict = DecisionStep.decide(input(2, 1, 4), context -> null);

        assertThat(verdict.failure()).get().asString().contains("returned no decision (null)");
        assertThat(verdict.scales()).isFalse();
    }

    @Test
    void aMinAboveMaxIsAFailureNamingTheTimeAndZone() {
        CountSchedule min = new CountSchedule(new TreeMap<>(Map.of(LocalTime.of(0, 0), 1, LocalTime.of(18, 0), 5)));
        Verdict verdict = DecisionStep.decide(input(2, min, CountSchedule.fixed(3), ZoneOffset.UTC,
                Instant.parse("2026-06-02T19:00:00Z")), context -> Decision.hold("x"));

        assertThat(verdict.failure()).hasValue(
                "min 5 is above max 3 at 19:00 in Z; fix the group's min and max tables");
        assertThat(verdict.target()).isEqualTo(2);
    }
}
