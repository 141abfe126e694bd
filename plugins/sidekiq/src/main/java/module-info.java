/**
 * The {@code sidekiq} measure plugin: Sidekiq queue size or latency, read from Redis with Jedis.
 */
module io.autoscalebot.plugin.sidekiq {
    requires io.autoscalebot.api;
    requires redis.clients.jedis;
    // Provided by the platform to every plugin layer: Sidekiq's jobs are JSON.
    requires com.fasterxml.jackson.databind;
    // Jedis is an automatic module and so declares nothing: its own libraries, explicit modules all, are only
    // resolved into the plugin's layer when a module requires them by name.
    requires org.apache.commons.pool2;
    requires org.json;
    requires org.slf4j;
    requires com.google.gson;

    provides io.autoscalebot.api.measure.MeasureProvider
            with io.autoscalebot.plugin.sidekiq.SidekiqProvider;
}
