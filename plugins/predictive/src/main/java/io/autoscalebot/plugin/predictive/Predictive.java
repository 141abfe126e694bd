package io.autoscalebot.plugin.predictive;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.decide.DecideContext;
import io.autoscalebot.api.decide.Decision;
import io.autoscalebot.api.decide.ScaleEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * One group's predictive decider. From each utilisation u measured with c processes it takes the busy-process load
 * L = u x c, learns L per time-of-week bucket ({@link SeasonalProfile}), corrects the profile by how busy the group is
 * lately ({@link Level}) and runs {@code ceil(B / target + headroom x sqrt(B))} processes for the busy processes
 * {@code B = max(forecast over the next lead, L now)}, so processes started now are serving when the load arrives.
 * When recent forecasts were wrong by more than {@code max_error}, or the profile has not seen the coming hours yet,
 * it scales on L alone, like target tracking. With a service time and response goal set, it never runs fewer than
 * the {@link QueueFloor}: the fewest processes the M/M/c model says meet the goal at the load now plus its headroom
 * (a share of the load and a multiple of its recent swing, {@link LoadSpread}), or, with floor_ahead, at the forecast
 * load when that is higher. Scaling down waits for the hold-down window. With a level window ({@link NoiseHandling})
 * the load planned for is the smoothed level of the measured load plus its rise over one lead, the floor also covers
 * that level plus a multiple of its error over the lead, and scaling down may go in steps.
 *
 * <p>The instance keeps what it learnt, so it must serve one group only. All times come from
 * {@link DecideContext#now()}, so it runs the same in real and simulated time.
 */
public final class Predictive implements Decide {

    private final Policy policy;
    private final QueueFloor floor;
    private final SeasonalProfile profile;
    private final Level level;
    private final ForecastScore score;
    private final HoldDown holdDown;
    private final LoadSpread spread;
    private final boolean floorAhead;
    private final NoiseHandling noise;
    // The load's smoothed level and the noise around it; null unless noise.smoothed().
    private final LoadLevel loadLevel;
    // The noise by time of day; null unless noise.noiseSlot() is set (then loadLevel is not null either).
    private final SeasonalNoise seasonalNoise;
    private final ProfileStore store;
    private Instant lastObserved;

    /**
     * @param policy the settings
     * @param floor the queueing model's reactive floor, or {@link QueueFloor#OFF}
     * @param floorAhead whether the floor covers the forecast load within the lead, not only the load now
     * @param noise whether to plan on the load's smoothed level, cover its noise in the floor, scale down in steps
     * @param profile what was learnt so far, possibly restored from the state directory
     * @param store where the profile is saved now and then and at shutdown
     */
    Predictive(Policy policy, QueueFloor floor, boolean floorAhead, NoiseHandling noise, SeasonalProfile profile,
               ProfileStore store) {
        this.policy = policy;
        this.floor = floor;
        this.floorAhead = floorAhead;
        this.noise = noise;
        this.loadLevel = noise.smoothed() ? new LoadLevel(noise.levelWindow(), policy.lead(),
                policy.adaptWindow()) : null;
        this.seasonalNoise = noise.noiseSlot().isZero() ? null
                : new SeasonalNoise(noise.noiseSlot(), policy.smoothing());
        this.profile = profile;
        this.store = store;
        this.level = new Level(policy.adaptWindow());
        this.score = new ForecastScore(policy.adaptWindow());
        this.holdDown = new HoldDown(policy.holdDown());
        this.spread = new LoadSpread(policy.lead(), policy.adaptWindow());
    }

    /** Only the newest measurement is needed: everything older is already in the profile. */
    @Override
    public int historySize() {
        return 1;
    }

    @Override
    public Decision decide(DecideContext context) {
        Reading reading = Reading.of(context.latest());
        if (!reading.usable()) {
            return Decision.hold(reading.unusable());
        }
        if (context.current() == 0) {
            return Decision.hold("no process is running, so utilisation says nothing about the load;"
                    + " set the group's min to at least 1");
        }
        Instant now = context.now();
        double load = reading.busyShare() * servingEstimate(context);
        learn(now, context.latest().orElseThrow().time(), load);
        store.saveEvery(now, profile);
        return choose(now, context.current(), load);
    }

    /**
     * Processes started within the lead of an upward scale are probably still booting and not yet sharing the load,
     * so the load is the utilisation times the count before that scale.
     */
    private int servingEstimate(DecideContext context) {
        // Plain conditions rather than an Optional pipeline of lambdas: this runs on every tick of a replay.
        int current = context.current();
        Optional<ScaleEvent> last = context.lastScale();
        if (last.isPresent()) {
            ScaleEvent scale = last.get();
            if (scale.direction() == ScaleEvent.Direction.UP && scale.time().plus(policy.lead()).isAfter(context.now())) {
                return Math.max(1, Math.min(scale.from(), current));
            }
        }
        return current;
    }

    private void learn(Instant now, Instant measured, double load) {
        // The engine may ask again about the same measurement (a retried tick); it is learnt once.
        if (lastObserved != null && !measured.isAfter(lastObserved)) {
            return;
        }
        lastObserved = measured;
        Season expected = profile.answering(now.getEpochSecond());
        if (expected != null) {
            level.add(now, load, expected.mean(expected.index(now.getEpochSecond())));
        }
        score.settle(now, load);
        spread.add(now, load);
        if (loadLevel != null) {
            loadLevel.add(now, load);
            if (seasonalNoise != null && !Double.isNaN(loadLevel.lastError())) {
                seasonalNoise.add(now, loadLevel.lastError());
            }
        }
        profile.observe(now, load);
    }

    private Decision choose(Instant now, int current, double load) {
        Optional<Forecast> forecast = forecast(now);
        forecast.ifPresent(f -> score.expect(now.plus(policy.lead()), f.meanLoad()));
        OptionalDouble error = score.error();
        // With a level window, the load planned for is its smoothed level plus the rise expected within the lead: one
        // measurement's noise would otherwise be paid for on every tick and kept by the hold-down.
        double steady = loadLevel == null ? load : loadLevel.ahead(policy.lead());
        double planned = steady;
        boolean reactive = forecast.isEmpty() || error.isPresent() && error.getAsDouble() > policy.maxError();
        if (!reactive) {
            planned = Math.max(steady, forecast.get().load());
        }
        // With guard_noise the guards that are a share of the load (target, headroom, floor_headroom, floor_spread)
        // add no more than a multiple of the load's measured noise: a load that holds still between steps (an hourly
        // trace) is then not paid a share of itself all hour, while a noisy one keeps its guards.
        // With noise_slot the noise is that of the slots of the day the coming lead reaches. The guards' cap also
        // opens to the level's error now when larger: a flash crowd at a time of day that was quiet before is
        // answered with the full guards, while floor_noise, paid on every tick, stays on the slots' steadier figure.
        double noiseAhead = loadLevel == null ? 0 : seasonalNoise == null ? loadLevel.noise()
                : seasonalNoise.ahead(now, policy.lead(), loadLevel.noise());
        double cap = loadLevel == null ? Double.POSITIVE_INFINITY
                : noise.guardCap(seasonalNoise == null ? noiseAhead : Math.max(noiseAhead, errorNow()),
                        loadLevel.noiseKnown());
        int wanted = policy.processesFor(planned, cap);
        int forecastWanted = wanted;
        // The floor reacts to the load now, whatever the forecast expected: a flash crowd, a step, an overload. With
        // floor_ahead it also covers the load the trusted forecast expects within the lead, when that is higher.
        // With a level window the floor also covers the smoothed level plus floor_noise times its error over the lead:
        // the noise is paid for once there, so floor_headroom and floor_spread on the load now can shrink to a guard
        // that still answers a step or a flash crowd at once, before the level has caught up.
        double floored = floorAhead ? planned : load;
        double floorLoad = floor.planned(floored, spread.value(), cap);
        if (loadLevel != null) {
            floorLoad = Math.max(floorLoad, (floorAhead ? planned : steady) + noise.floorNoise() * noiseAhead);
        }
        // Nothing busy asks no floor (an idle group's recent swing alone does not), as before these settings.
        int lowest = floored > 0 ? floor.processesAt(floorLoad) : 0;
        if (lowest > wanted) {
            wanted = lowest;
        }
        int held = holdDown.highest(now, wanted);
        if (held > wanted && held > current) {
            // The hold-down keeps processes; it never adds any (after a hand scale-down, say).
            held = Math.max(current, wanted);
        }
        int released = held;
        held = noise.stepDown(current, held);
        // Worded only when read (a notification, the log, the status page): a simulation's ticks read almost none.
        // What is worded and changes later (the level, the load's swing) is read now.
        double ratio = reactive ? 1 : level.ratio();
        double plan = planned;
        int decided = held;
        double floorPlanned = floorLoad;
        int floorLowest = lowest;
        Supplier<String> reason = () -> reason(forecast, error, ratio, load, plan, forecastWanted,
                new FloorFacts(floorPlanned, floorLowest), released, decided);
        return held == current ? Decision.hold(reason) : Decision.scaleTo(held, reason);
    }

    /** @return the size of the level's error at the last measurement (against a lead earlier), 0 before any */
    private double errorNow() {
        double error = loadLevel.lastError();
        return Double.isNaN(error) ? 0 : Math.abs(error);
    }

    /** What the reactive floor decided with: the offered load it planned for, headroom included, and its count. */
    private record FloorFacts(double load, int lowest) {
    }

    /** @return why {@link #choose} decided {@code held}, in words, from the values it decided with */
    private String reason(Optional<Forecast> forecast, OptionalDouble error, double levelRatio, double load,
                          double planned, int wanted, FloorFacts floorFacts, int released, int held) {
        StringBuilder reason = new StringBuilder();
        if (forecast.isEmpty()) {
            reason.append("reactive, the profile has not learnt the next ").append(Durations.text(policy.lead()))
                    .append(" yet: ");
        } else if (error.isPresent() && error.getAsDouble() > policy.maxError()) {
            reason.append("reactive, recent forecasts were off by ").append(Decimals.fixed(100 * error.getAsDouble(), 0))
                    .append("%, more than max_error ").append(Decimals.fixed(100 * policy.maxError(), 0)).append("%: ");
        } else {
            Forecast expected = forecast.get();
            reason.append("forecast ").append(Decimals.fixed(expected.load(), 2)).append(" busy processes by ")
                    .append(LocalTime.ofInstant(expected.time(), ZoneOffset.UTC)).append(" UTC (")
                    .append(expected.season()).append(" profile x level ").append(Decimals.fixed(levelRatio, 2))
                    .append("), ").append(Decimals.fixed(load, 2)).append(" now: ");
        }
        reason.append(policy.explain(planned)).append(" = ").append(wanted);
        int afterFloor = Math.max(wanted, floorFacts.lowest());
        if (floorFacts.lowest() > wanted) {
            reason.append("; ").append(floor.explainAt(floorFacts.load(), floorFacts.lowest()));
        }
        if (released != afterFloor) {
            reason.append("; hold-down ").append(Durations.text(policy.holdDown())).append(" keeps ").append(released);
        }
        if (held != released) {
            reason.append("; down_step ").append(noise.downStep()).append(" keeps ").append(held);
        }
        return reason.toString();
    }

    /**
     * The busiest planned load the profile expects within (now, now + lead]: at each bucket boundary in between and at
     * the lead's end. Empty when any of those buckets was never learnt. Walks the boundaries as epoch seconds and keeps
     * the busiest in locals, making no list, Instant or Optional per bucket: this runs on every tick of a replay.
     */
    private Optional<Forecast> forecast(Instant now) {
        Instant end = now.plus(policy.lead());
        double ratio = level.ratio();
        double peakWeight = policy.peakWeight();
        long bucketSeconds = policy.bucket().getSeconds();
        long endSecond = end.getEpochSecond();
        boolean found = false;
        long busiestSecond = 0;
        double busiestLoad = 0;
        Season busiestSeason = null;
        for (long time = (Math.floorDiv(now.getEpochSecond(), bucketSeconds) + 1) * bucketSeconds;
                time < endSecond; time += bucketSeconds) {
            Season season = profile.answering(time);
            if (season == null) {
                return Optional.empty();
            }
            double planned = ratio * season.planned(season.index(time), peakWeight);
            if (!found || planned > busiestLoad) {
                found = true;
                busiestSecond = time;
                busiestLoad = planned;
                busiestSeason = season;
            }
        }
        // The lead's end, the last of the times: the busiest only when strictly busier than every boundary before it.
        Season atEnd = profile.answering(endSecond);
        if (atEnd == null) {
            return Optional.empty();
        }
        int endIndex = atEnd.index(endSecond);
        double plannedAtEnd = ratio * atEnd.planned(endIndex, peakWeight);
        double meanAtEnd = ratio * atEnd.mean(endIndex);
        if (!found || plannedAtEnd > busiestLoad) {
            return Optional.of(new Forecast(end, plannedAtEnd, meanAtEnd, atEnd.name()));
        }
        return Optional.of(new Forecast(Instant.ofEpochSecond(busiestSecond), busiestLoad, meanAtEnd,
                busiestSeason.name()));
    }

    /**
     * Writes the learnt profile to the state directory, unless this is a dry run.
     *
     * @throws PluginException if it cannot be written
     */
    @Override
    public void teardown() throws PluginException {
        store.save(profile);
    }
}
