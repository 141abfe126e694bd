package io.autoscalebot.engine.notify;

import io.autoscalebot.api.decide.ScaleEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The too-rapid rule: more than {@code tooRapidScales} scales in one direction within the last {@code tooRapidPeriod}
 * (a sliding window ending now). Checked on every tick, so the condition ends when old scales slide out of the window.
 *
 * @param rules the group's limits
 */
public record TooRapid(NotifyRules rules) {

    /** @return the scales still inside the window ending at {@code now}, oldest first */
    private List<ScaleEvent> inWindow(List<ScaleEvent> scales, Instant now) {
        Instant start = now.minus(rules.tooRapidPeriod());
        return scales.stream().filter(s -> s.time().isAfter(start) && !s.time().isAfter(now)).toList();
    }

    /**
     * @param scales recent scales, oldest first
     * @param now the end of the window
     * @return why scaling is too rapid ({@code "scaled up 11 times within PT1H, more than 10"}), or empty when it is not
     */
    public Optional<String> check(List<ScaleEvent> scales, Instant now) {
        List<ScaleEvent> window = inWindow(scales, now);
        for (ScaleEvent.Direction direction : ScaleEvent.Direction.values()) {
            long count = window.stream().filter(s -> s.direction() == direction).count();
            if (count > rules.tooRapidScales()) {
                return Optional.of("scaled " + direction.name().toLowerCase(java.util.Locale.ROOT) + " " + count
                        + " times within " + Durations.human(rules.tooRapidPeriod()) + ", more than "
                        + rules.tooRapidScales());
            }
        }
        return Optional.empty();
    }
}
