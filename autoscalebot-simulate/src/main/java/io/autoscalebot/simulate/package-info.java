/**
 * {@code autoscalebot simulate}'s wiring: the {@link io.autoscalebot.simulate.Simulator} replays a
 * {@link io.autoscalebot.simulate.trace trace} against one configured group's own decide plugin, ticking it by
 * the engine's rules in virtual time over the {@link io.autoscalebot.simulate.model queueing model}, and returns
 * a {@link io.autoscalebot.simulate.SimulationResult} that the {@link io.autoscalebot.simulate.report
 * report} package renders.
 */
package io.autoscalebot.simulate;
