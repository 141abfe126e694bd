package io.autoscalebot.engine.loop;

import io.autoscalebot.api.measure.Measurement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A group's recent measurements, oldest first, keeping at most the decide plugin's {@code historySize()}: the window
 * the {@link TickPipeline} hands the decide plugin.
 */
public final class History {

    private final int size;
    private final Deque<Measurement> measurements = new ArrayDeque<>();

    /** @param size how many to keep; below 1 is read as 1 so a decide plugin always sees the latest */
    public History(int size) {
        this.size = Math.max(1, size);
    }

    /** Adds the newest measurement, dropping the oldest beyond the size. */
    public void add(Measurement measurement) {
        measurements.addLast(measurement);
        while (measurements.size() > size) {
            measurements.removeFirst();
        }
    }

    /** @return the measurements kept, oldest first */
    public List<Measurement> measurements() {
        return List.copyOf(measurements);
    }
}
