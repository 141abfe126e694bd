package io.autoscalebot.simulate.model;

import io.autoscalebot.simulate.trace.Trace;
import java.time.Duration;
import java.util.Locale;

/**
 * How well a supply followed the demand, in the SPEC Research Group's elasticity metrics (Herbst et al., "Ready for
 * Rain? A View from SPEC Research on the Future of Cloud Metrics", SPEC-RG-2016-01, section on elasticity), with
 * {@code T} steps of equal length:
 * <ul>
 *   <li>under-/over-provisioning accuracy {@code theta_U = 100/T * sum max(d - s, 0) / d},
 *       {@code theta_O = 100/T * sum max(s - d, 0) / d}: the mean missing or surplus share of the demand, in percent
 *       (a step with no demand is divided by 1 instead of 0);</li>
 *   <li>wrong-provisioning timeshare {@code tau_U = 100/T * #(s < d)}, {@code tau_O = 100/T * #(s > d)}: the percent
 *       of time under- or over-provisioned;</li>
 *   <li>instability {@code k = 100/(T-1) * sum_{t>=2} min(|sgn(ds_t) - sgn(dd_t)|, 1)}: the percent of steps in which
 *       supply and demand do not move the same way;</li>
 *   <li>jitter {@code j = (E_S - E_D) / hours}: supply adaptations minus demand changes per hour; above 0 the policy
 *       oscillates, below 0 it misses changes;</li>
 * </ul>
 * and, beside them, the number of scale actions, the cost in process-hours and its ratio to the {@link Oracle}'s, and
 * the minutes in which the mean response time broke the SLO.
 *
 * @param underProvisioningAccuracy theta_U, percent
 * @param overProvisioningAccuracy theta_O, percent
 * @param underProvisioningTimeshare tau_U, percent of time
 * @param overProvisioningTimeshare tau_O, percent of time
 * @param instability k, percent of steps
 * @param jitterPerHour j, adaptations per hour
 * @param scaleActions E_S, steps in which the supply changed
 * @param processHours the supply's cost
 * @param costRatio {@code processHours} over the oracle's; NaN when the oracle cost nothing
 * @param sloBrokenMinutes minutes in which the mean response time exceeded the SLO
 */
public record ElasticityMetrics(double underProvisioningAccuracy, double overProvisioningAccuracy,
                                double underProvisioningTimeshare, double overProvisioningTimeshare,
                                double instability, double jitterPerHour, int scaleActions, double processHours,
                                double costRatio, double sloBrokenMinutes) {

    /**
     * @param run the replay to judge
     * @param oracle the oracle's replay of the same trace, for the cost ratio
     * @param slo the response time the SLO allows
     * @return the metrics
     */
    public static ElasticityMetrics measure(Provisioning run, Provisioning oracle, Duration slo) {
        int steps = run.size();
        double under = 0;
        double over = 0;
        int underSteps = 0;
        int overSteps = 0;
        int sloBrokenSteps = 0;
        double sloSeconds = Trace.seconds(slo);
        for (int t = 0; t < steps; t++) {
            int supply = run.supply(t);
            int demand = run.demand(t);
            double normaliser = Math.max(demand, 1);
            under += Math.max(demand - supply, 0) / normaliser;
            over += Math.max(supply - demand, 0) / normaliser;
            underSteps += supply < demand ? 1 : 0;
            overSteps += supply > demand ? 1 : 0;
            sloBrokenSteps += run.responseSeconds(t) > sloSeconds ? 1 : 0;
        }
        int unstableSteps = 0;
        int supplyChanges = 0;
        int demandChanges = 0;
        for (int t = 1; t < steps; t++) {
            int supplyMove = Integer.signum(run.supply(t) - run.supply(t - 1));
            int demandMove = Integer.signum(run.demand(t) - run.demand(t - 1));
            unstableSteps += supplyMove != demandMove ? 1 : 0;
            supplyChanges += supplyMove != 0 ? 1 : 0;
            demandChanges += demandMove != 0 ? 1 : 0;
        }
        double stepSeconds = Trace.seconds(run.step());
        double hours = steps * stepSeconds / 3600;
        double oracleHours = oracle.processHours();
        return new ElasticityMetrics(100 * under / steps, 100 * over / steps, 100.0 * underSteps / steps,
                100.0 * overSteps / steps, steps > 1 ? 100.0 * unstableSteps / (steps - 1) : 0,
                (supplyChanges - demandChanges) / hours, supplyChanges, run.processHours(),
                oracleHours > 0 ? run.processHours() / oracleHours : Double.NaN, sloBrokenSteps * stepSeconds / 60);
    }

    /** @return the metrics on one line for people */
    public String describe() {
        return String.format(Locale.ROOT, "theta_U %.1f%%, theta_O %.1f%%, tau_U %.1f%%, tau_O %.1f%%,"
                        + " instability %.1f%%, jitter %.2f/h, %d scale actions, %.1f process-hours (%.2f x oracle),"
                        + " SLO broken %.0f min", underProvisioningAccuracy, overProvisioningAccuracy,
                underProvisioningTimeshare, overProvisioningTimeshare, instability, jitterPerHour, scaleActions,
                processHours, costRatio, sloBrokenMinutes);
    }
}
