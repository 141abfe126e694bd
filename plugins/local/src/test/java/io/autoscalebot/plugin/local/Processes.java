package io.autoscalebot.plugin.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/** Waiting on real processes and files, always with a deadline. */
final class Processes {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private Processes() {
    }

    /** Waits until the condition holds, polling, and fails the test if it does not within {@link #PATIENCE}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + PATIENCE.toSeconds() + "s waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * @param count how many consecutive ports are needed
     * @return the first of {@code count} consecutive ports that are free now
     */
    static int freePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first;
            try (ServerSocket probe = new ServerSocket(0)) {
                first = probe.getLocalPort();
            } catch (IOException e) {
                throw new AssertionError("cannot find a free port", e);
            }
            if (first + count <= 65_535 && IntStream.range(first, first + count).allMatch(Processes::free)) {
                return first;
            }
        }
        throw new AssertionError("no " + count + " consecutive free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the file's text, or empty when it does not exist yet */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /**
     * Whether a process is gone. A killed grandchild whose parent died is re-parented to PID 1, which in a container may
     * never reap it: the JDK then still calls the zombie alive, so the zombie state is read from Linux's /proc.
     */
    static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
