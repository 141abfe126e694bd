package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Instant;
import java.util.Objects;

/**
 * Replays a trace against a controller in virtual time, with no threads: in each step the fleet serves the step's
 * arrivals, the controller sees what a measure plugin would at the step's end, and its target takes effect from then
 * (new processes serve after boot time, so at the earliest in the next step).
 *
 * @param queue the app's queue model
 * @param group whether response times come from M/M/c (a web group) or from a backlog (a worker group)
 */
public record Replay(QueueModel queue, GroupKind group) {

    /** How a group's requests wait. */
    public enum GroupKind {
        /** Requests wait in an M/M/c queue; a step's response time is its M/M/c mean. */
        WEB,
        /** Tasks pile up in a backlog carried from step to step; a step's response time is the backlog's drain time. */
        WORKER
    }

    /** Decides the count for the coming steps from what the group looked like in this one. */
    @FunctionalInterface
    public interface Controller {
        /**
         * @param observation the step just simulated
         * @return the wanted process count, 0 or more
         */
        int target(Observation observation);
    }

    /**
     * What the group looked like during one step.
     *
     * @param step the step's index
     * @param time the step's start
     * @param running processes billed, booting ones included
     * @param serving processes serving
     * @param arrivalRate requests or tasks per second
     * @param responseSeconds the mean response time (web) or the backlog's drain time plus service (worker)
     * @param utilisation arrivals over the serving processes' capacity, not capped ({@link QueueModel#utilisation})
     * @param backlog tasks waiting at the step's end; 0 for a web group
     */
    public record Observation(int step, Instant time, int running, int serving, double arrivalRate,
                              double responseSeconds, double utilisation, double backlog) {
    }

    /** Checks the parts. */
    public Replay {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(group, "group");
    }

    /**
     * @param trace the workload
     * @param demand the SLO's demand model, for d(t)
     * @param initial processes serving when the trace starts
     * @param controller the policy under test
     * @return supply, demand and response time per step
     */
    public Provisioning run(Trace trace, Demand demand, int initial, Controller controller) {
        Fleet fleet = new Fleet(queue.boot(), initial, trace.time(0));
        int[] supply = new int[trace.size()];
        double[] response = new double[trace.size()];
        double backlog = 0;
        for (int t = 0; t < trace.size(); t++) {
            Instant now = trace.time(t);
            double arrivalRate = trace.ratePerSecond(t);
            int serving = fleet.serving(now);
            if (group == GroupKind.WORKER) {
                backlog = queue.backlogAfter(backlog, serving, arrivalRate, trace.step());
                response[t] = queue.backlogResponseTime(backlog, serving);
            } else {
                response[t] = queue.responseTime(serving, arrivalRate);
            }
            supply[t] = fleet.running();
            int target = controller.target(new Observation(t, now, supply[t], serving, arrivalRate, response[t],
                    queue.utilisation(serving, arrivalRate), backlog));
            // The controller sees the whole step, so its change is made at the step's end, not its start.
            fleet.scaleTo(target, now.plus(trace.step()));
        }
        return new Provisioning(trace.step(), supply, demand.over(trace), response);
    }
}
