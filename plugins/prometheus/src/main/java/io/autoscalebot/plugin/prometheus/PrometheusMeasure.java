package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.Measurement;
import java.time.Clock;
import java.time.Instant;

/**
 * One instant query per measurement; its single value is the reading.
 *
 * <p>Every failure (unreachable, refused, a query error, a result that is not one finite number, an answer that is not
 * Prometheus's) is a failed measurement with its reason, never an exception, so the engine only sees this group's
 * tick fail.
 */
final class PrometheusMeasure implements Measure {

    private final PrometheusConfig config;
    private final QueryApi api;
    private final Clock clock;
    private final System.Logger logger;

    /**
     * @param config the checked settings
     * @param api Prometheus's query API
     * @param clock the engine's clock, which times measurements
     * @param logger where Prometheus's warnings about the query go
     */
    PrometheusMeasure(PrometheusConfig config, QueryApi api, Clock clock, System.Logger logger) {
        this.config = config;
        this.api = api;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public Measurement measure() {
        Instant now = clock.instant();
        try {
            QueryApi.Answer answer = api.query(CallBudget.startingNow(config.timeout()));
            for (String warning : answer.warnings()) {
                logger.log(System.Logger.Level.WARNING, api.shown() + " warns about query "
                        + Queries.shown(config.query()) + ": " + warning);
            }
            try {
                return Measurement.of(now, QueryResult.value(answer.data(), config.query()), config.unit());
            } catch (PluginException e) {
                return Measurement.failed(now, api.redaction().scrub(api.shown() + ": " + e.getMessage()));
            }
        } catch (PluginException e) {
            return Measurement.failed(now, api.redaction().scrub(e.getMessage()));
        }
    }

    @Override
    public void teardown() throws Exception {
        api.close();
    }
}
