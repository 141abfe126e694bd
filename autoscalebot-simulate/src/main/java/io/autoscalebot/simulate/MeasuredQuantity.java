package io.autoscalebot.simulate;

import io.autoscalebot.simulate.model.QueueModel;
import io.autoscalebot.simulate.model.Replay;
import java.util.Locale;

/**
 * What the group's measure plugin would have reported at each tick of a simulation, read off the queue model.
 */
public enum MeasuredQuantity {
    /**
     * The mean response time in milliseconds (M/M/c for a web group, the backlog's drain time for a worker group). A
     * saturated queue shows {@link #RESPONSE_CEILING_SECONDS}, as a router that times requests out would.
     */
    RESPONSE_TIME("ms"),
    /**
     * Requests or tasks waiting: the backlog of a worker group, Little's {@code L_q = lambda x W_q} for a web group.
     */
    QUEUE("tasks"),
    /**
     * The busy fraction of the serving processes, arrivals over their capacity (0.7 is 70% busy), not capped: 1.8 when
     * 80% more arrives than they serve.
     */
    UTILISATION(""),
    /**
     * What Kubernetes's HPA averages: arrivals over the capacity of every running process, those still booting counted
     * 0% busy, as the HPA counts not-ready pods when it scales up. Without booting processes it equals
     * {@link #UTILISATION}; with them it reads lower, so a target-tracking policy does not scale up again for load the
     * booting processes will take.
     */
    POD_UTILISATION("");

    /**
     * The longest response time a measurement shows, in seconds: Heroku's router ends a request after 30 s (error
     * H12), so a measure plugin of a saturated app reads about that, never infinity.
     */
    public static final double RESPONSE_CEILING_SECONDS = 30;

    private final String unit;

    MeasuredQuantity(String unit) {
        this.unit = unit;
    }

    /**
     * The quantity a measure plugin reports: {@code response-time} and {@code heroku-service-time} a response time,
     * {@code celery-redis} a queue length, any other the busy fraction.
     *
     * @param measurePluginId the id of the group's measure component
     * @return what to feed the decide plugin in a simulation of that group
     */
    public static MeasuredQuantity forMeasurePlugin(String measurePluginId) {
        switch (measurePluginId) {
            case "response-time":
            case "heroku-service-time":
                return RESPONSE_TIME;
            case "celery-redis":
                return QUEUE;
            default:
                return UTILISATION;
        }
    }

    /** @return the unit of the value, for the measurement and for people; empty for the busy fraction */
    public String unit() {
        return unit;
    }

    /** @return the name users type: {@code response-time}, {@code queue}, {@code utilisation} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param observation the group during the tick just simulated
     * @param queue the queue model, for the service time
     * @return the value a measure plugin of this quantity would have read, finite
     */
    public double read(Replay.Observation observation, QueueModel queue) {
        double response = Math.min(observation.responseSeconds(), RESPONSE_CEILING_SECONDS);
        switch (this) {
            case RESPONSE_TIME:
                return response * 1000;
            case QUEUE:
                if (observation.backlog() > 0) {
                    return observation.backlog();
                }
                // A web group's waiting requests: arrivals times the wait beyond their own service (Little's law).
                return observation.arrivalRate() * Math.max(0, response - 1 / queue.serviceRate());
            case POD_UTILISATION:
                return observation.running() > observation.serving()
                        ? queue.utilisation(observation.running(), observation.arrivalRate())
                        : observation.utilisation();
            default:
                return observation.utilisation();
        }
    }
}
