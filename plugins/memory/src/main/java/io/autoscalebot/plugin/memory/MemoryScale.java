package io.autoscalebot.plugin.memory;

import io.autoscalebot.api.scale.Scale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process count that exists only in this instance: {@link #scaleTo} sets it, {@link #current} reads it back, and
 * nothing else happens. It is lost when autoscalebot stops, so a restart starts again from {@code start}.
 *
 * <p>The engine may call from different threads over the instance's life, so the count is an atomic.
 */
final class MemoryScale implements Scale {

    private final AtomicInteger count;

    MemoryScale(int start) {
        this.count = new AtomicInteger(start);
    }

    @Override
    public int current() {
        return count.get();
    }

    @Override
    public int scaleTo(int target) {
        if (target < 0) {
            // The engine clamps to min and max, which are never negative; a negative target is a caller's bug.
            throw new IllegalArgumentException("a process count must be >= 0, got " + target);
        }
        count.set(target);
        return target;
    }
}
