package io.autoscalebot.plugin.sidekiq;

/**
 * The Redis keys Sidekiq keeps its jobs under: a list {@code queue:NAME} per queue (Sidekiq LPUSHes new jobs, workers
 * BRPOP the oldest from the other end, and Redis deletes the list when it is empty), the set {@code queues} of every
 * queue name ever pushed to, and the sorted sets {@code schedule} and {@code retry}, scored by the epoch second at
 * which each job is due. sidekiq-namespace (redis-namespace) puts {@code NAMESPACE:} in front of every key.
 *
 * @param prefix what goes in front of every key: empty, or the namespace and a colon
 */
record SidekiqKeys(String prefix) {

    /**
     * @param namespace the sidekiq-namespace namespace, or empty for none
     * @return the keys under that namespace
     */
    static SidekiqKeys in(String namespace) {
        return new SidekiqKeys(namespace.isEmpty() ? "" : namespace + ":");
    }

    /** @return the list of one queue's waiting jobs */
    String queue(String name) {
        return prefix + "queue:" + name;
    }

    /** @return the set of every queue's name */
    String queues() {
        return prefix + "queues";
    }

    /** @return the sorted set of jobs scheduled for later ({@code perform_in}, {@code perform_at}) */
    String schedule() {
        return prefix + "schedule";
    }

    /** @return the sorted set of failed jobs waiting for their next try */
    String retry() {
        return prefix + "retry";
    }
}
