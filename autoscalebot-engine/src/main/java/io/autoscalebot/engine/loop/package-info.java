/**
 * The per-group loop: the {@link io.autoscalebot.engine.loop.Engine} and its schedulers in real and virtual time, and
 * the one {@link io.autoscalebot.engine.loop.TickPipeline tick pipeline} that both {@code run} and {@code simulate}
 * drive (hooks, count, measure, {@link io.autoscalebot.engine.loop.DecisionStep decide and clamp}, scale, events), with
 * its two ways of calling plugins: {@link io.autoscalebot.engine.loop.PluginCalls guarded} and
 * {@link io.autoscalebot.engine.loop.DirectCalls direct}.
 */
package io.autoscalebot.engine.loop;
