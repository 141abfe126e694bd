package io.autoscalebot.engine.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One group's recent ticks for the dashboard, in memory bounded whatever the interval or the run's length: at most
 * {@code points} points, each a few primitives in parallel arrays (no object per tick), over at most the last
 * {@code window}, and the last {@link #EVENTS} scales with their reasons cut to {@link #REASON_CHARS} characters.
 * Measured (docs/status-server.md): 10,000 groups with full histories and every scale kept with a reason of the
 * longest length take about 37 MiB of heap; without scales about 20 MiB.
 *
 * <p>Downsampling: a point covers a bucket of {@code width} seconds, 1 at first. A tick within the newest point's bucket
 * replaces that point's values (the newest wins: what the group looked like at the end of the bucket); a later one
 * adds a point. When the arrays are full, every two neighbouring points become one (the later one's values) and
 * buckets get twice as wide, so a group ticking every second keeps its last minutes at full resolution and its last
 * hours at a coarser one. Points older than the window are dropped. The arrays are allocated at the first tick, so a
 * group that never ticks costs nothing. Thread safe: the tick's thread writes, the status server's threads read.
 */
final class GroupHistory {

    /** Points kept per group by default: 96 x 20 bytes, under 2 KB. */
    static final int POINTS = 96;
    /** How far back the dashboard looks by default. */
    static final Duration WINDOW = Duration.ofHours(6);
    /** Scales kept per group. */
    static final int EVENTS = 8;
    /** Characters kept of a scale's reason: a reason is a line for people, not a log. */
    static final int REASON_CHARS = 160;
    /** Stored for a count that is not known (the tick ended before reading it). */
    private static final int NO_COUNT = Integer.MIN_VALUE;

    /**
     * A scale the group made.
     *
     * @param time when
     * @param from the count before
     * @param to the count after
     * @param reason the decision's reason, secrets already masked
     */
    record Event(Instant time, int from, int to, String reason) {
        Event {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A copy of the history, oldest first; NaN where a value is not known.
     *
     * @param times each point's time, epoch seconds
     * @param measurements the measurement, NaN where it failed or there was none
     * @param counts the processes the group ran after the tick
     * @param mins the min in force
     * @param maxes the max in force
     * @param events the scales kept, oldest first
     */
    record Snapshot(long[] times, double[] measurements, double[] counts, double[] mins, double[] maxes,
                    List<Event> events) {
        Snapshot {
            events = List.copyOf(events);
        }

        /** @return whether there is no point yet */
        boolean isEmpty() {
            return times.length == 0;
        }
    }

    private final int capacity;
    private final long window;
    private long base;
    private int[] seconds;
    private float[] measurements;
    private int[] counts;
    private int[] mins;
    private int[] maxes;
    private int size;
    private long width = 1;
    private long[] eventTimes;
    private int[] eventFroms;
    private int[] eventTos;
    private String[] eventReasons;
    private int eventCount;

    GroupHistory() {
        this(POINTS, WINDOW);
    }

    /**
     * @param capacity the most points kept, at least 2
     * @param window how far back points are kept
     */
    GroupHistory(int capacity, Duration window) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history needs room for at least 2 points, got " + capacity);
        }
        this.capacity = capacity;
        this.window = window.toSeconds();
    }

    /**
     * Records a tick.
     *
     * @param time when it started
     * @param measurement its measured value, NaN when there was none
     * @param count the processes after it, negative when not known
     * @param min the min in force, negative when not known
     * @param max the max in force, negative when not known
     */
    synchronized void add(Instant time, double measurement, int count, int min, int max) {
        long now = time.getEpochSecond();
        if (seconds == null) {
            base = now;
            seconds = new int[capacity];
            measurements = new float[capacity];
            counts = new int[capacity];
            mins = new int[capacity];
            maxes = new int[capacity];
        }
        dropBefore(now - window);
        int at;
        if (size > 0 && now - time(size - 1) < width && now >= time(size - 1)) {
            at = size - 1;
        } else {
            if (size == capacity) {
                halve();
            }
            at = size++;
            // Seconds since the first tick fit an int for 68 years.
            seconds[at] = (int) (now - base);
        }
        measurements[at] = (float) measurement;
        counts[at] = count < 0 ? NO_COUNT : count;
        mins[at] = min < 0 ? NO_COUNT : min;
        maxes[at] = max < 0 ? NO_COUNT : max;
    }

    /**
     * Records a scale.
     *
     * @param time when
     * @param from the count before
     * @param to the count after
     * @param reason why, secrets already masked
     */
    synchronized void scaled(Instant time, int from, int to, String reason) {
        // Cut with three dots, not an ellipsis character: that would store an ASCII reason in two bytes a character.
        String kept = reason.length() <= REASON_CHARS ? reason : reason.substring(0, REASON_CHARS - 3) + "...";
        if (eventTimes == null) {
            eventTimes = new long[EVENTS];
            eventFroms = new int[EVENTS];
            eventTos = new int[EVENTS];
            eventReasons = new String[EVENTS];
        }
        if (eventCount == EVENTS) {
            System.arraycopy(eventTimes, 1, eventTimes, 0, EVENTS - 1);
            System.arraycopy(eventFroms, 1, eventFroms, 0, EVENTS - 1);
            System.arraycopy(eventTos, 1, eventTos, 0, EVENTS - 1);
            System.arraycopy(eventReasons, 1, eventReasons, 0, EVENTS - 1);
            eventCount--;
        }
        eventTimes[eventCount] = time.getEpochSecond();
        eventFroms[eventCount] = from;
        eventTos[eventCount] = to;
        eventReasons[eventCount++] = kept;
    }

    /** @return a copy, oldest first, of the points and scales within the window before {@code now} */
    synchronized Snapshot snapshot(Instant now) {
        long cutoff = now.getEpochSecond() - window;
        int first = 0;
        while (first < size && time(first) < cutoff) {
            first++;
        }
        int n = seconds == null ? 0 : size - first;
        long[] times = new long[n];
        double[] values = new double[n];
        double[] running = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            int at = first + i;
            times[i] = time(at);
            values[i] = measurements[at];
            running[i] = known(counts[at]);
            low[i] = known(mins[at]);
            high[i] = known(maxes[at]);
        }
        List<Event> kept = new ArrayList<>();
        for (int i = 0; i < eventCount; i++) {
            if (eventTimes[i] >= cutoff) {
                kept.add(new Event(Instant.ofEpochSecond(eventTimes[i]), eventFroms[i], eventTos[i], eventReasons[i]));
            }
        }
        return new Snapshot(times, values, running, low, high, kept);
    }

    /** @return how many points are kept now */
    synchronized int size() {
        return size;
    }

    /** @return how many seconds one point covers now */
    synchronized long width() {
        return width;
    }

    private long time(int at) {
        return base + seconds[at];
    }

    private static double known(int value) {
        return value == NO_COUNT ? Double.NaN : value;
    }

    private void dropBefore(long cutoff) {
        int first = 0;
        while (first < size && time(first) < cutoff) {
            first++;
        }
        if (first == 0) {
            return;
        }
        size -= first;
        System.arraycopy(seconds, first, seconds, 0, size);
        System.arraycopy(measurements, first, measurements, 0, size);
        System.arraycopy(counts, first, counts, 0, size);
        System.arraycopy(mins, first, mins, 0, size);
        System.arraycopy(maxes, first, maxes, 0, size);
    }

    /** Every two neighbouring points become one: the earlier one's time, the later one's values. */
    private void halve() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            int later = Math.min(i + 1, size - 1);
            seconds[kept] = seconds[i];
            measurements[kept] = measurements[later];
            counts[kept] = counts[later];
            mins[kept] = mins[later];
            maxes[kept] = maxes[later];
            kept++;
        }
        size = kept;
        width *= 2;
    }
}
