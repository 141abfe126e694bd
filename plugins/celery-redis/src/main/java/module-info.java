/**
 * The {@code celery-redis} measure plugin: Celery queue depth on a Redis broker, read with Jedis.
 */
module io.autoscalebot.plugin.celeryredis {
    requires io.autoscalebot.api;
    requires redis.clients.jedis;
    requires com.google.gson;

    provides io.autoscalebot.api.measure.MeasureProvider
            with io.autoscalebot.plugin.celeryredis.CeleryRedisProvider;
}
