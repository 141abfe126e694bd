package io.autoscalebot.plugin.threshold;

import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.DecideProvider;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One decision as the engine asks for it: a history of measurements ten seconds apart from {@link #START}, the current
 * count, an optional last scale, and "now" one second after the newest measurement unless set.
 */
final class Tick {

    static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    private final List<Measurement> history = new ArrayList<>();
    private Instant next = START;
    private Instant now;
    private int current = 2;
    private ScaleEvent lastScale;

    /** @return a decider from the provider, created the way the engine creates one (so also after a restart) */
    static Decide decider(DecideProvider provider, Map<String, ?> raw) throws Exception {
        Settings settings = TestSettings.resolve(provider, raw);
        return provider.create(settings, TestContexts.plugin().clock(Clock.fixed(START, ZoneOffset.UTC)).build());
    }

    Tick values(double... values) {
        for (double value : values) {
            add(Measurement.of(next, value, "ms"));
        }
        return this;
    }

    Tick failed(String reason) {
        return add(Measurement.failed(next, reason));
    }

    Tick instruction(Instruction.Action action) {
        return add(Measurement.instruction(next, Instruction.of(action)));
    }

    /** Records a scale made now (between the measurements so far and the next ones). */
    Tick scaled(int from, int to) {
        lastScale = TestContexts.scale(next.minusSeconds(5), from, to);
        return this;
    }

    Tick current(int count) {
        current = count;
        return this;
    }

    Tick at(Instant time) {
        now = time;
        return this;
    }

    Tick after(Duration sinceLastScale) {
        return at(lastScale.time().plus(sinceLastScale));
    }

    Instant lastScaleTime() {
        return lastScale.time();
    }

    DecideContext context() {
        Instant time = now != null ? now : next.minusSeconds(9);
        var context = TestContexts.decide().now(time).current(current).min(1).max(10).history(history);
        return (lastScale == null ? context : context.lastScale(lastScale)).build();
    }

    Decision decideWith(Decide decide) throws Exception {
        return decide.decide(context());
    }

    private Tick add(Measurement measurement) {
        history.add(measurement);
        next = next.plusSeconds(10);
        return this;
    }
}
