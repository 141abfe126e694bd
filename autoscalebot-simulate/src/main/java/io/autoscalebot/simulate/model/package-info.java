/**
 * A pure, single-threaded model for replaying a trace against an autoscaling policy in virtual time: the
 * {@link io.autoscalebot.simulate.model.QueueModel} of an app served by N processes (M/M/c response times,
 * worker backlog, boot delay), the {@link io.autoscalebot.simulate.model.Demand} d(t) an SLO implies, an
 * {@link io.autoscalebot.simulate.model.Oracle} that knows the future, a
 * {@link io.autoscalebot.simulate.model.Replay} of any controller, and the SPEC Research Group's
 * {@link io.autoscalebot.simulate.model.ElasticityMetrics} to compare them.
 */
package io.autoscalebot.simulate.model;
