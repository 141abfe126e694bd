/**
 * The {@code rabbitmq} measure plugin: messages waiting in RabbitMQ queues, read from the management plugin's HTTP API
 * with the JDK's HTTP client and the platform's Jackson.
 */
module io.autoscalebot.plugin.rabbitmq {
    requires io.autoscalebot.api;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    provides io.autoscalebot.api.measure.MeasureProvider with
            io.autoscalebot.plugin.rabbitmq.RabbitMqProvider;
}
