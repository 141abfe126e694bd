/**
 * The {@code redis} lease plugin: the {@code [leader]} lease in a Redis every instance reaches.
 */
module io.autoscalebot.plugin.leaseredis {
    requires io.autoscalebot.api;
    requires redis.clients.jedis;
    // Jedis is an automatic module and so declares nothing: its own libraries, explicit modules all, are only
    // resolved into the plugin's layer when a module requires them by name.
    requires org.apache.commons.pool2;
    requires org.json;
    requires org.slf4j;
    requires com.google.gson;

    provides io.autoscalebot.api.lease.LeaseProvider
            with io.autoscalebot.plugin.leaseredis.RedisLeaseProvider;
}
