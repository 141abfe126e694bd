package io.autoscalebot.engine.loop;

import io.autoscalebot.api.measure.Measurement;
import java.util.List;

/**
 * A group's recent measurements, oldest first, keeping at most the decide plugin's {@code historySize()}: the window
 * the {@link TickPipeline} hands the decide plugin.
 *
 * <p>A ring of the last {@code size} measurements, and the immutable list handed out made once per change: a
 * simulation asks for it on each of hundreds of thousands of ticks, and most plugins keep only the latest.
 */
public final class History {

    private final Measurement[] ring;
    private int next;
    private int count;
    private List<Measurement> snapshot = List.of();

    /** @param size how many to keep; below 1 is read as 1 so a decide plugin always sees the latest */
    public History(int size) {
        this.ring = new Measurement[Math.max(1, size)];
    }

    /** Adds the newest measurement, dropping the oldest beyond the size. */
    public void add(Measurement measurement) {
        ring[next] = measurement;
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        snapshot = null;
    }

    /** @return the measurements kept, oldest first, as an immutable list */
    public List<Measurement> measurements() {
        if (snapshot == null) {
            snapshot = count == 1 ? List.of(ring[(next + ring.length - 1) % ring.length]) : ordered();
        }
        return snapshot;
    }

    private List<Measurement> ordered() {
        Measurement[] oldestFirst = new Measurement[count];
        int first = (next - count + ring.length) % ring.length;
        for (int i = 0; i < count; i++) {
            oldestFirst[i] = ring[(first + i) % ring.length];
        }
        return List.of(oldestFirst);
    }
}
