package io.autoscalebot.plugin.rabbitmq;

/** Which messages of a queue count as its backlog. */
enum Count {
    /** Messages waiting to be delivered: the work nobody has started. */
    READY("ready"),
    /** Also the messages delivered to a consumer and not yet acknowledged: the work started but not finished. */
    READY_PLUS_UNACKED("ready+unacked");

    private final String label;

    Count(String label) {
        this.label = label;
    }

    /** @return the value users write in configuration */
    String label() {
        return label;
    }

    /** @return the messages of one queue this counts */
    long of(QueueFigures figures) {
        return this == READY ? figures.ready() : figures.ready() + figures.unacknowledged();
    }

    /**
     * @param label a value the setting's choices have already checked
     * @return its constant
     */
    static Count fromLabel(String label) {
        for (Count count : values()) {
            if (count.label.equals(label)) {
                return count;
            }
        }
        throw new IllegalArgumentException("no count '" + label + "'");
    }
}
