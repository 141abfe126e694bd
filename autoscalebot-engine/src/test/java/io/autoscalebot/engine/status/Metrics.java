package io.autoscalebot.engine.status;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** Reads one value out of {@link EngineMetrics}: a gauge's or counter's value, a histogram's count, 1 for an info. */
final class Metrics {

    private final EngineMetrics metrics;

    Metrics(EngineMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param name the metric's name without {@code _total} or {@code _info}
     * @param labels name, value, name, value...
     * @return its value for those labels
     */
    double value(String name, String... labels) {
        for (MetricSnapshot snapshot : metrics.registry().scrape()) {
            if (!snapshot.getMetadata().getPrometheusName().equals(name)) {
                continue;
            }
            for (DataPointSnapshot point : snapshot.getDataPoints()) {
                if (matches(point, labels)) {
                    if (point instanceof GaugeSnapshot.GaugeDataPointSnapshot gauge) {
                        return gauge.getValue();
                    }
                    if (point instanceof CounterSnapshot.CounterDataPointSnapshot counter) {
                        return counter.getValue();
                    }
                    if (point instanceof HistogramSnapshot.HistogramDataPointSnapshot histogram) {
                        return histogram.getCount();
                    }
                    if (point instanceof InfoSnapshot.InfoDataPointSnapshot) {
                        return 1;
                    }
                }
            }
            throw new AssertionError(name + " has no series with " + String.join(",", labels));
        }
        throw new AssertionError("no metric " + name);
    }

    private static boolean matches(DataPointSnapshot point, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(point.getLabels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
