package io.autoscalebot.cli.logging;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Hands log records to one writer thread through a bounded queue, so a slow terminal or a stalled pipe never delays a
 * tick: the thread that logs only enqueues. When the queue is full, DEBUG and INFO lines are dropped and counted (and
 * the count written as a WARNING once the output catches up); a WARNING or SEVERE line is never dropped: it takes the
 * place of a queued lower line, and only when the queue holds nothing but warnings does the logging thread wait.
 * {@link #close()} writes what is queued, within a bound, then closes the target.
 */
public final class AsyncHandler extends Handler {

    /** How long {@link #close()} waits for the queue to drain into a stalled output before giving up. */
    private static final long CLOSE_BOUND_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Handler target;
    private final int capacity;
    private final ArrayDeque<LogRecord> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition changed = lock.newCondition();
    private final Thread writer;
    private long dropped;
    private long droppedTotal;
    private boolean writing;
    private boolean closed;

    /**
     * @param target where records go, on the writer thread (its formatter and level apply there)
     * @param capacity how many records may wait; more DEBUG/INFO ones are dropped
     */
    public AsyncHandler(Handler target, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.target = target;
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
        this.writer = new Thread(this::write, "autoscalebot-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord logRecord) {
        if (logRecord == null || !isLoggable(logRecord)) {
            return;
        }
        boolean important = logRecord.getLevel().intValue() >= Level.WARNING.intValue();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            while (queue.size() >= capacity) {
                if (!important) {
                    countDropped();
                    return;
                }
                if (dropOneUnimportant()) {
                    break;
                }
                // Only warnings queued: one is not dropped for another; wait for the writer (never lost, maybe late).
                changed.awaitUninterruptibly();
                if (closed) {
                    return;
                }
            }
            queue.addLast(logRecord);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many DEBUG/INFO records were dropped so far because the output could not keep up */
    public long dropped() {
        lock.lock();
        try {
            return droppedTotal;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (briefly) until what is queued now has been written, then flushes the target. */
    @Override
    public void flush() {
        if (drain(TimeUnit.SECONDS.toNanos(1))) {
            target.flush();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        boolean drained = drain(CLOSE_BOUND_NANOS);
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        writer.interrupt();
        if (drained) {
            // Not when the output is stalled: the writer is stuck inside the target, and closing it would block the
            // JVM's exit on the same output.
            target.close();
        }
    }

    /** @return true when everything queued was written within the bound */
    private boolean drain(long boundNanos) {
        long deadline = System.nanoTime() + boundNanos;
        lock.lock();
        try {
            while ((!queue.isEmpty() || writing) && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean dropOneUnimportant() {
        for (Iterator<LogRecord> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().getLevel().intValue() < Level.WARNING.intValue()) {
                it.remove();
                countDropped();
                return true;
            }
        }
        return false;
    }

    private void countDropped() {
        dropped++;
        droppedTotal++;
    }

    private void write() {
        while (true) {
            LogRecord next;
            long droppedNow;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    writing = false;
                    changed.signalAll();
                    notEmpty.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                next = queue.pollFirst();
                writing = true;
                droppedNow = dropped;
                dropped = 0;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (droppedNow > 0) {
                LogRecord note = new LogRecord(Level.WARNING, droppedNow + " log lines (DEBUG/INFO) were dropped: the"
                        + " output (terminal or pipe) was too slow; warnings are never dropped");
                note.setLoggerName("io.autoscalebot.logging");
                target.publish(note);
            }
            target.publish(next);
            boolean caughtUp;
            lock.lock();
            try {
                caughtUp = queue.isEmpty();
            } finally {
                lock.unlock();
            }
            if (caughtUp) {
                // Flushed when caught up, not after every line; outside the lock, as a flush may block on the output.
                target.flush();
            }
        }
    }
}
