/**
 * What the engine shows about itself while it runs ({@code [server]}): each group's last tick and the engine's
 * lateness as {@code /status} JSON, the same as Prometheus metrics on {@code /metrics}, and {@code /healthz} and
 * {@code /readyz}, served on a couple of threads by the JDK's HTTP server. Fed by the tick pipeline's results through
 * {@link io.autoscalebot.engine.loop.TickListener}; it never calls a plugin.
 */
package io.autoscalebot.engine.status;
