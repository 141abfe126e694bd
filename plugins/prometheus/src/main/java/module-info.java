/**
 * The {@code prometheus} measure plugin: the value of an instant PromQL query, read from Prometheus's HTTP API with the
 * JDK's HTTP client and the platform's Jackson.
 */
module io.autoscalebot.plugin.prometheus {
    requires io.autoscalebot.api;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    provides io.autoscalebot.api.measure.MeasureProvider with
            io.autoscalebot.plugin.prometheus.PrometheusProvider;
}
