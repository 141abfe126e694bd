/**
 * The {@code celery-redis} measure plugin: Celery queue depth on a Redis broker, read with Jedis.
 */
module io.autoscalebot.plugin.celeryredis {
    requires io.autoscalebot.api;
    requires redis.clients.jedis;
    requires com.google.gson;
    // Jedis is an automatic module and so declares nothing: its own libraries, explicit modules all, are only
    // resolved into the plugin's layer when a module requires them by name.
    requires org.apache.commons.pool2;
    requires org.json;
    requires org.slf4j;

    provides io.autoscalebot.api.measure.MeasureProvider
            with io.autoscalebot.plugin.celeryredis.CeleryRedisProvider;
}
