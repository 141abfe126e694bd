package io.autoscalebot.simulate;

import io.autoscalebot.simulate.model.Demand;
import io.autoscalebot.simulate.model.QueueModel;
import io.autoscalebot.simulate.model.Replay;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The app a simulation replays a trace against, and what the decide plugin is shown. Every part has a documented
 * default ({@link #defaults(String)}), each one an option of {@code autoscalebot simulate}.
 *
 * @param capacity requests per second one process serves (mu; its service time is {@code 1/capacity})
 * @param boot how long a started process takes before it serves
 * @param loadScale the factor every trace count is multiplied by, to fit a public trace to the app's size
 * @param slo the mean response time to keep within; the demand d(t) is the fewest processes that do
 * @param kind a web group (M/M/c response times) or a worker group (a backlog carried from tick to tick)
 * @param measured what the decide plugin is fed at each tick
 * @param initial processes running when the trace starts; empty for d(0) brought within the group's min and max, so
 *     the replay judges the policy rather than a starting guess
 */
public record SimulationModel(double capacity, Duration boot, double loadScale, Duration slo, Replay.GroupKind kind,
                              MeasuredQuantity measured, OptionalInt initial) {

    /** 10 requests/s: a process answering in 100 ms, typical of a small web dyno. */
    public static final double DEFAULT_CAPACITY = 10;
    /** 30 s: a Heroku dyno takes tens of seconds from the scale call to serving. */
    public static final Duration DEFAULT_BOOT = Duration.ofSeconds(30);
    /** 1: the trace's counts as they are. */
    public static final double DEFAULT_LOAD_SCALE = 1;
    /** 500 ms: the mean response time a web app is commonly held to. */
    public static final Duration DEFAULT_SLO = Duration.ofMillis(500);

    /** Checks every part, with messages naming the part and the fix. */
    public SimulationModel {
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(initial, "initial");
        if (!(capacity > 0) || Double.isInfinite(capacity)) {
            throw new IllegalArgumentException("the capacity of one process must be a number of requests per second"
                    + " greater than 0, got " + capacity);
        }
        if (boot.isNegative()) {
            throw new IllegalArgumentException("the boot time must be 0s or more, got " + boot);
        }
        if (!(loadScale >= 0) || Double.isInfinite(loadScale)) {
            throw new IllegalArgumentException("the load scale factor must be a number, 0 or more, got " + loadScale);
        }
        if (initial.isPresent() && initial.getAsInt() < 0) {
            throw new IllegalArgumentException("the initial process count must be 0 or more, got "
                    + initial.getAsInt());
        }
        // The demand model refuses an SLO the capacity cannot meet, saying why; better now than after reading a trace.
        new Demand(new QueueModel(capacity, boot), slo, 0);
    }

    /**
     * The defaults for a group measured by the given plugin: a worker group when it measures a queue, else a web
     * group; the quantity that plugin reports ({@link MeasuredQuantity#forMeasurePlugin}); every other part its
     * {@code DEFAULT_} constant.
     *
     * @param measurePluginId the id of the group's measure component
     * @return the model
     */
    public static SimulationModel defaults(String measurePluginId) {
        MeasuredQuantity measured = MeasuredQuantity.forMeasurePlugin(measurePluginId);
        return new SimulationModel(DEFAULT_CAPACITY, DEFAULT_BOOT, DEFAULT_LOAD_SCALE, DEFAULT_SLO,
                measured == MeasuredQuantity.QUEUE ? Replay.GroupKind.WORKER : Replay.GroupKind.WEB, measured,
                OptionalInt.empty());
    }

    /** @return the queue the app is */
    public QueueModel queue() {
        return new QueueModel(capacity, boot);
    }

    /** @return d(t): a web group always wants one process to answer; a worker group with nothing to do, none */
    public Demand demand() {
        return new Demand(queue(), slo, kind == Replay.GroupKind.WEB ? 1 : 0);
    }
}
