package io.autoscalebot.engine.status;

import io.autoscalebot.api.ApiVersion;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's Prometheus metrics, named in the style of KEDA and the Prometheus conventions, in a registry of their
 * own (not the client's default one, so two engines in one JVM, as in tests, do not mix). The Prometheus Java client
 * keeps the histograms and writes the exposition format. Thread safe.
 */
public final class EngineMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge processes = Gauge.builder().name("autoscalebot_group_processes")
            .help("Processes a group runs, as its scale plugin last reported").labelNames("group").register(registry);
    private final Gauge desired = Gauge.builder().name("autoscalebot_group_desired_processes")
            .help("Processes the group's last decision asked for, within min and max").labelNames("group")
            .register(registry);
    private final Gauge measurement = Gauge.builder().name("autoscalebot_measurement_value")
            .help("The group's last successful measurement, in its measure plugin's unit").labelNames("group")
            .register(registry);
    private final Counter scaleActions = Counter.builder().name("autoscalebot_scale_actions_total")
            .help("Scales made (or, in a dry run, that would have been)").labelNames("group", "direction")
            .register(registry);
    private final Counter errors = Counter.builder().name("autoscalebot_errors_total")
            .help("Failures by group and stage: start, hook, measure, decide, scale, notify")
            .labelNames("group", "stage").register(registry);
    private final Histogram lateness;
    private final Histogram pluginCalls = Histogram.builder().name("autoscalebot_plugin_call_seconds")
            .help("How long calls into a group's plugins took, by the plugin's kind").labelNames("group", "stage")
            .classicOnly().withoutExemplars().register(registry);
    private final Gauge leader = Gauge.builder().name("autoscalebot_leader")
            .help("1 while this instance measures, decides and scales (active or leader), 0 as a standby")
            .register(registry);

    /**
     * Registers every metric.
     *
     * @param latenessBounds the tick-lateness histogram's bucket bounds, the engine's own, so that /status and
     *     /metrics count the same buckets
     * @param version the engine's version for {@code autoscalebot_build_info}
     */
    public EngineMetrics(List<Duration> latenessBounds, String version) {
        this.lateness = Histogram.builder().name("autoscalebot_tick_lateness_seconds")
                .help("How long after it was due each scheduled tick started")
                .classicUpperBounds(latenessBounds.stream().mapToDouble(EngineMetrics::seconds).toArray())
                .classicOnly().withoutExemplars().register(registry);
        // Info adds the _info suffix itself.
        Info build = Info.builder().name("autoscalebot_build").help("The running autoscalebot's version")
                .labelNames("version", "api_version").register(registry);
        build.addLabelValues(version, ApiVersion.CURRENT.toString());
    }

    /** @return the registry /metrics writes */
    public PrometheusRegistry registry() {
        return registry;
    }

    void processes(String group, int count) {
        processes.labelValues(group).set(count);
    }

    void desired(String group, int count) {
        desired.labelValues(group).set(count);
    }

    void measurement(String group, double value) {
        measurement.labelValues(group).set(value);
    }

    void scaled(String group, boolean up) {
        scaleActions.labelValues(group, up ? "up" : "down").inc();
    }

    void failed(String group, String stage) {
        errors.labelValues(group, stage).inc();
    }

    void late(Duration late) {
        lateness.observe(seconds(late));
    }

    void called(String group, String stage, Duration took) {
        pluginCalls.labelValues(group, stage).observe(seconds(took));
    }

    /** Drops every series of a group that a reload removed, so a dashboard does not show it frozen at its last value. */
    void forget(String group) {
        Function<List<String>, Boolean> its = labels -> labels.get(0).equals(group);
        processes.remove(group);
        desired.remove(group);
        measurement.remove(group);
        scaleActions.removeIf(its);
        errors.removeIf(its);
        pluginCalls.removeIf(its);
    }

    void leader(boolean scales) {
        leader.set(scales ? 1 : 0);
    }

    private static double seconds(Duration duration) {
        return Math.max(0, duration.toNanos()) / 1e9;
    }
}
