package io.autoscalebot.plugin.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for processes that are not autoscalebot's own children to exit. */
final class Exits {

    /** How often a zombie is looked for while waiting; the JDK would wait for one forever. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Path PROC = Path.of("/proc");

    private Exits() {
    }

    /**
     * Waits until the process is gone or the deadline passes.
     *
     * @param process the process, usually a copy's descendant
     * @param deadline a {@link System#nanoTime()} value
     * @return whether the process is gone
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean awaitGone(ProcessHandle process, long deadline) throws InterruptedException {
        while (!gone(process)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                process.onExit().get(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not exited yet, or not watchable: look again until the deadline
            }
        }
        return true;
    }

    /**
     * Whether a process has exited. The child of a shell copy that has already exited is re-parented to PID 1, which in
     * a container may never reap it; the JDK then calls the zombie alive, so on Linux its state is read from /proc.
     *
     * @param process the process
     * @return whether it has exited, zombie or not
     */
    static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        if (!Files.isDirectory(PROC)) {
            return false;
        }
        try {
            String stat = Files.readString(PROC.resolve(process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true; // its /proc entry is gone: so is the process
        }
    }
}
