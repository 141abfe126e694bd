package io.autoscalebot.plugin.local;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A group run as copies of a command on this machine. Copies take the lowest free INDEX when started; the newest copies
 * are stopped first. A copy that dies on its own is reported and replaced before the next tick.
 */
final class LocalScale implements Scale {

    private final Launcher launcher;
    private final Stopper stopper;
    private final System.Logger logger;
    private final TreeMap<Integer, Copy> copies = new TreeMap<>();
    private long started;

    LocalScale(Launcher launcher, Stopper stopper, System.Logger logger) {
        this.launcher = launcher;
        this.stopper = stopper;
        this.logger = logger;
    }

    /** Replaces copies that died since the last tick, so {@link #current()} reflects the count asked for. */
    @Override
    public synchronized void beforeTick() throws PluginException {
        for (Copy dead : removeDead("starting a replacement")) {
            launch(dead.index());
        }
    }

    @Override
    public synchronized int current() {
        return (int) copies.values().stream().filter(copy -> copy.process().isAlive()).count();
    }

    @Override
    public synchronized int scaleTo(int target) throws PluginException, InterruptedException {
        removeDead("not replacing it, scaling to " + target);
        while (copies.size() < target) {
            launch(lowestFreeIndex());
        }
        if (copies.size() > target) {
            List<Copy> newest = copies.values().stream()
                    .sorted(Comparator.comparingLong(Copy::sequence).reversed())
                    .limit(copies.size() - target)
                    .collect(Collectors.toList());
            try {
                stopper.stop(newest);
            } finally {
                newest.stream().filter(copy -> !copy.process().isAlive()).forEach(copy -> copies.remove(copy.index()));
            }
        }
        return current();
    }

    /** Stops every copy, as the engine shuts down, the same way a scale down does. */
    @Override
    public synchronized void teardown() throws PluginException, InterruptedException {
        scaleTo(0);
    }

    /** @return the INDEX of every copy started and not yet stopped, in order; for diagnostics and tests */
    synchronized Set<Integer> indexes() {
        return new TreeSet<>(copies.keySet());
    }

    /** @return the process of the copy with that INDEX, if it is running; for diagnostics and tests */
    synchronized Optional<Process> process(int index) {
        return Optional.ofNullable(copies.get(index)).map(Copy::process);
    }

    private void launch(int index) throws PluginException {
        Process process = launcher.start(index);
        copies.put(index, new Copy(index, started++, process));
        logger.log(System.Logger.Level.INFO, "started copy " + index + " (pid " + process.pid() + ") with PORT "
                + launcher.port(index));
    }

    private List<Copy> removeDead(String outcome) {
        List<Copy> dead = new ArrayList<>();
        for (Copy copy : List.copyOf(copies.values())) {
            if (!copy.process().isAlive()) {
                logger.log(System.Logger.Level.WARNING, copy.describe() + " exited on its own with code "
                        + copy.process().exitValue() + "; " + outcome);
                copies.remove(copy.index());
                dead.add(copy);
            }
        }
        return dead;
    }

    private int lowestFreeIndex() {
        int index = 0;
        while (copies.containsKey(index)) {
            index++;
        }
        return index;
    }
}
