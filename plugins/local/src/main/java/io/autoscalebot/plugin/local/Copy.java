package io.autoscalebot.plugin.local;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One running copy of the command: either started by this instance (then {@code child} is its {@link Process}) or
 * adopted from a run of autoscalebot that ended without stopping it (then only its {@link ProcessHandle} is known).
 *
 * @param index its INDEX, 0-based; its PORT is base_port + INDEX
 * @param sequence when it was started relative to the other copies, so the newest can be stopped first
 * @param handle the operating system process
 * @param child the process when this instance started it; empty for an adopted copy
 */
record Copy(int index, long sequence, ProcessHandle handle, Optional<Process> child) {

    /** @return a copy this instance has just started */
    static Copy started(int index, long sequence, Process process) {
        return new Copy(index, sequence, process.toHandle(), Optional.of(process));
    }

    /** @return a copy a previous run started and left running */
    static Copy adopted(int index, long sequence, ProcessHandle handle) {
        return new Copy(index, sequence, handle, Optional.empty());
    }

    /** @return {@code copy 1 (pid 4242)}, how logs and messages name a copy */
    String describe() {
        return "copy " + index + " (pid " + handle.pid() + ")";
    }

    /**
     * An own child is alive until the JDK has reaped it (so its exit code is known once this says false); an adopted
     * copy's parent is PID 1, which may never reap it, so its zombie counts as gone.
     *
     * @return whether the copy is still running
     */
    boolean alive() {
        return child.map(Process::isAlive).orElseGet(() -> !Exits.gone(handle));
    }

    /** @return {@code with code 3}, or why the code is unknown for an adopted copy */
    String exit() {
        return child.map(process -> "with code " + process.exitValue())
                .orElse("(its exit code is unknown: it was adopted from an earlier run)");
    }

    /**
     * Waits until the copy has exited (and, for an own child, has been reaped) or the deadline passes.
     *
     * @param deadline a {@link System#nanoTime()} value
     * @return whether the copy has exited
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitExit(long deadline) throws InterruptedException {
        if (child.isPresent()) {
            return child.get().waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return Exits.awaitGone(handle, deadline);
    }
}
