package io.autoscalebot.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.engine.context.ScaleRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TooRapidTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private final TooRapid rule = new TooRapid(new NotifyRules(Set.of(), 2, Duration.ofMinutes(10)));

    private static ScaleEvent at(int minute, int from, int to) {
        return new ScaleRecord(T.plus(Duration.ofMinutes(minute)), from, to);
    }

    @Test
    void moreScalesOneWayThanAllowedWithinTheWindowIsTooRapid() {
        List<ScaleEvent> scales = List.of(at(0, 1, 2), at(4, 2, 3), at(8, 3, 4));

        assertThat(rule.check(scales, T.plus(Duration.ofMinutes(8))))
                .hasValue("scaled up 3 times within 10 min, more than 2");
    }

    @Test
    void scalesInBothDirectionsAreCountedApart() {
        List<ScaleEvent> scales = List.of(at(0, 1, 2), at(1, 2, 1), at(2, 1, 2), at(3, 2, 1));

        assertThat(rule.check(scales, T.plus(Duration.ofMinutes(3)))).isEmpty();
    }

    @Test
    void theWindowSlides() {
        List<ScaleEvent> scales = List.of(at(0, 1, 2), at(4, 2, 3), at(8, 3, 4));

        assertThat(rule.check(scales, T.plus(Duration.ofMinutes(10)))).isEmpty();
    }
}
