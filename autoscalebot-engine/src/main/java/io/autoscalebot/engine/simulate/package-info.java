/**
 * {@code autoscalebot simulate}'s wiring: the {@link io.autoscalebot.engine.simulate.Simulator} replays a
 * {@link io.autoscalebot.engine.simulate.trace trace} against one configured group's own decide plugin, ticking it by
 * the engine's rules in virtual time over the {@link io.autoscalebot.engine.simulate.model queueing model}, and returns
 * a {@link io.autoscalebot.engine.simulate.SimulationResult} that the {@link io.autoscalebot.engine.simulate.report
 * report} package renders.
 */
package io.autoscalebot.engine.simulate;
