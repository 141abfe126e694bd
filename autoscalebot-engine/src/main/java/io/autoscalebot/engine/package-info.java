/**
 * The engine's facade, the only package it exports to everyone: {@link io.autoscalebot.engine.Autoscalebot} loads
 * {@link io.autoscalebot.engine.Plugins plugins} and a {@link io.autoscalebot.engine.Configuration configuration} (or
 * its {@link io.autoscalebot.engine.ConfigProblem problems}), and runs it as an
 * {@link io.autoscalebot.engine.Autoscaler}. The packages under it are the engine's internals; no class in them
 * depends on this one.
 */
package io.autoscalebot.engine;
