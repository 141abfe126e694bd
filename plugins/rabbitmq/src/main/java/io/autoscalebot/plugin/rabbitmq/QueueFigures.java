package io.autoscalebot.plugin.rabbitmq;

/**
 * What the management API last sampled of one queue.
 *
 * @param name the queue's name
 * @param ready messages waiting to be delivered ({@code messages_ready})
 * @param unacknowledged messages delivered and not yet acknowledged ({@code messages_unacknowledged})
 * @param consumers the queue's consumers ({@code consumers})
 */
record QueueFigures(String name, long ready, long unacknowledged, long consumers) {
}
