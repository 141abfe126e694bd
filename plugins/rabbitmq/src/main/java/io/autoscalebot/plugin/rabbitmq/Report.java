package io.autoscalebot.plugin.rabbitmq;

import java.util.List;

/** What a measurement reports about the counted messages. */
enum Report {
    /** The counted messages of every listed queue, added up. */
    MESSAGES("messages", "messages"),
    /**
     * The counted messages per consumer: the backlog each worker faces. Zero consumers count as one, so a backlog
     * nobody consumes still reads as the whole backlog and scales workers up from none.
     */
    MESSAGES_PER_CONSUMER("messages_per_consumer", "messages/consumer");

    private final String label;
    private final String unit;

    Report(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** @return the value users write in configuration */
    String label() {
        return label;
    }

    /** @return the unit of the measured value */
    String unit() {
        return unit;
    }

    /**
     * @param queues the figures of every listed queue
     * @param count which messages count
     * @return the measured value
     */
    double value(List<QueueFigures> queues, Count count) {
        long messages = 0;
        long consumers = 0;
        for (QueueFigures queue : queues) {
            messages += count.of(queue);
            consumers += queue.consumers();
        }
        return this == MESSAGES ? messages : (double) messages / Math.max(1, consumers);
    }

    /**
     * @param label a value the setting's choices have already checked
     * @return its constant
     */
    static Report fromLabel(String label) {
        for (Report report : values()) {
            if (report.label.equals(label)) {
                return report;
            }
        }
        throw new IllegalArgumentException("no report '" + label + "'");
    }
}
