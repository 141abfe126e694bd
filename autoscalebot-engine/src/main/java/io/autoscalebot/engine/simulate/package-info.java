/**
 * A pure, single-threaded model for replaying a workload trace against an autoscaling policy in virtual time: the
 * {@link io.autoscalebot.engine.simulate.Trace} of arrivals, the {@link io.autoscalebot.engine.simulate.QueueModel} of
 * an app served by N processes (M/M/c response times, worker backlog, boot delay), the
 * {@link io.autoscalebot.engine.simulate.Demand} d(t) an SLO implies, an
 * {@link io.autoscalebot.engine.simulate.Oracle} that knows the future, a
 * {@link io.autoscalebot.engine.simulate.Replay} of any controller, and the SPEC Research Group's
 * {@link io.autoscalebot.engine.simulate.ElasticityMetrics} to compare them.
 */
package io.autoscalebot.engine.simulate;
