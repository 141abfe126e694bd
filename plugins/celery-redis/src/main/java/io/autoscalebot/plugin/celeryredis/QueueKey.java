package io.autoscalebot.plugin.celeryredis;

import java.util.ArrayList;
import java.util.List;

/**
 * One Redis list that holds part of a Celery queue.
 *
 * <p>kombu's Redis transport keeps the messages of priority step 0 in a list named after the queue, and those of every
 * other step {@code n} in a list named {@code QUEUE + "\x06\x16" + n} ({@code Channel.sep} and {@code _q_for_pri} in
 * {@code kombu/transport/redis.py}); its {@code global_keyprefix} goes in front of every key.
 *
 * @param queue the Celery queue name, as the user wrote it
 * @param priority the priority step, 0 for the bare queue name
 * @param key the Redis key
 */
record QueueKey(String queue, int priority, String key) {

    /** kombu's default separator between a queue name and its priority step. */
    static final String PRIORITY_SEPARATOR = "\u0006\u0016";

    /**
     * Lists every key kombu may use for the given queues, in queue order, bare key first.
     *
     * @param keyPrefix kombu's {@code global_keyprefix}, or empty
     * @param queues the queue names
     * @param prioritySteps the non-zero priority steps, ascending
     * @return the keys
     */
    static List<QueueKey> of(String keyPrefix, List<String> queues, List<Integer> prioritySteps) {
        List<QueueKey> keys = new ArrayList<>();
        for (String queue : queues) {
            keys.add(new QueueKey(queue, 0, keyPrefix + queue));
            for (int step : prioritySteps) {
                keys.add(new QueueKey(queue, step, keyPrefix + queue + PRIORITY_SEPARATOR + step));
            }
        }
        return List.copyOf(keys);
    }

    /** @return the key for people: control characters as {@code \xNN}, so the separator is visible */
    String printable() {
        return Printable.of(key);
    }

    /** @return {@code queue 'celery'} or {@code queue 'celery' (priority 3)} */
    String describe() {
        return "queue '" + Printable.of(queue) + "'" + (priority == 0 ? "" : " (priority " + priority + ")");
    }
}
