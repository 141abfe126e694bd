package io.autoscalebot.plugin.predictive;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.testkit.TestContexts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A group driven by a decider once a minute in virtual time: the measured utilisation is the load's busy processes
 * over the running count, capped at 1 as a real utilisation is, and each decision takes effect at once.
 */
final class SyntheticGroup {

    /** One tick: when, the true load, what was running and what the decider said. */
    record Tick(Instant time, double load, int running, Decision decision) {
    }

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int MAX = 1000;

    private final Decide decide;
    private int running;

    SyntheticGroup(Decide decide, int running) {
        this.decide = decide;
        this.running = running;
    }

    int running() {
        return running;
    }

    /**
     * @param from the first tick
     * @param until ticks before this
     * @param load busy processes wanted at each time
     * @return every tick
     */
    List<Tick> run(Instant from, Instant until, Function<Instant, Double> load) throws Exception {
        List<Tick> ticks = new ArrayList<>();
        for (Instant now = from; now.isBefore(until); now = now.plus(INTERVAL)) {
            double busy = load.apply(now);
            double utilisation = Math.min(1, busy / running);
            Decision decision = decide.decide(TestContexts.decide().now(now).current(running).min(1).max(MAX)
                    .history(List.of(Measurement.of(now, utilisation, ""))).build());
            ticks.add(new Tick(now, busy, running, decision));
            if (decision.target().isPresent()) {
                running = Math.max(1, Math.min(MAX, decision.target().getAsInt()));
            }
        }
        return ticks;
    }
}
