/**
 * The per-group loop: the {@link io.autoscalebot.engine.loop.Engine}, the one decide-and-clamp step shared with the
 * simulator ({@link io.autoscalebot.engine.loop.DecisionStep}), guarded plugin calls, and schedulers in real and virtual
 * time.
 */
package io.autoscalebot.engine.loop;
