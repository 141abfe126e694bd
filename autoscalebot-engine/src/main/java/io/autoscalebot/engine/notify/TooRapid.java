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

    /**
     * @param scales recent scales, oldest first
     * @param now the end of the window
     * @return why scaling is too rapid ({@code "scaled up 11 times within PT1H, more than 10"}), or empty when it is not
     */
    public Optional<String> check(List<ScaleEvent> scales, Instant now) {
        // Counted with a plain loop and worded only when too rapid: this runs on every tick of a simulation.
        Instant start = now.minus(rules.tooRapidPeriod());
        long up = 0;
        long down = 0;
        for (ScaleEvent scale : scales) {
            if (scale.time().isAfter(start) && !scale.time().isAfter(now)) {
                if (scale.direction() == ScaleEvent.Direction.UP) {
                    up++;
                } else {
                    down++;
                }
            }
        }
        // Up before down, as before: the order Direction.values() gave.
        if (up > rules.tooRapidScales()) {
            return Optional.of(why(ScaleEvent.Direction.UP, up));
        }
        if (down > rules.tooRapidScales()) {
            return Optional.of(why(ScaleEvent.Direction.DOWN, down));
        }
        return Optional.empty();
    }

    private String why(ScaleEvent.Direction direction, long count) {
        return "scaled " + direction.name().toLowerCase(java.util.Locale.ROOT) + " " + count + " times within "
                + Durations.human(rules.tooRapidPeriod()) + ", more than " + rules.tooRapidScales();
    }
}
