package io.autoscalebot.plugin.local;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import java.io.IOException;
import java.time.Instant;
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
 *
 * <p>The running copies are recorded in the state directory ({@link CopyRecords}). When autoscalebot was killed without
 * stopping them, the next start {@linkplain #setup() adopts} every recorded copy that is still the same process (same
 * pid, same start time as the OS reports it) and was started with the same command: it counts in {@link #current()}
 * and is stopped like any other copy. A recorded copy still running with a command the configuration no longer has is
 * stopped, since it holds a PORT a new copy needs and nothing would ever stop it otherwise. A pid that now belongs to a
 * process with another start time is someone else's and is never signalled.
 */
final class LocalScale implements Scale {

    private final Launcher launcher;
    private final Stopper stopper;
    private final System.Logger logger;
    private final CopyRecords records;
    private final TreeMap<Integer, Copy> copies = new TreeMap<>();
    private long started;

    LocalScale(Launcher launcher, Stopper stopper, CopyRecords records, System.Logger logger) {
        this.launcher = launcher;
        this.stopper = stopper;
        this.records = records;
        this.logger = logger;
    }

    /**
     * Adopts the copies an earlier run recorded and left running, so they are counted and stopped instead of being
     * started a second time on the same PORTs. The engine calls this once, before the first tick.
     *
     * @throws PluginException if a left-over copy with another command cannot be stopped
     * @throws InterruptedException if interrupted while stopping one
     */
    @Override
    public synchronized void setup() throws PluginException, InterruptedException {
        List<CopyRecords.Entry> entries;
        try {
            entries = records.load();
        } catch (IOException e) {
            logger.log(System.Logger.Level.WARNING, "cannot read the copies recorded by the last run from "
                    + records.file() + ": " + e.getMessage() + "; copies it left running are not adopted, stop them "
                    + "by hand if there are any");
            return;
        }
        List<Copy> stale = new ArrayList<>();
        for (CopyRecords.Entry entry : entries) {
            String recorded = "copy " + entry.index() + " (pid " + entry.pid() + ")";
            Optional<ProcessHandle> handle = ProcessHandle.of(entry.pid()).filter(process -> !Exits.gone(process));
            if (handle.isEmpty()) {
                logger.log(System.Logger.Level.INFO, recorded + ", left by the last run, is no longer running");
                continue;
            }
            Optional<Instant> since = handle.get().info().startInstant();
            if (since.isEmpty() || !since.get().equals(entry.started())) {
                logger.log(System.Logger.Level.INFO, "pid " + entry.pid() + " of " + recorded + ", left by the last "
                        + "run, now belongs to another process (started " + since.map(Instant::toString).orElse("at an "
                        + "unknown time") + ", not " + entry.started() + "); leaving that process alone");
                continue;
            }
            Copy copy = Copy.adopted(entry.index(), started++, handle.get());
            if (!entry.command().equals(launcher.command()) || copies.containsKey(entry.index())) {
                logger.log(System.Logger.Level.WARNING, recorded + ", left running by the last run, runs "
                        + entry.command() + ", not the configured " + launcher.command() + "; stopping it");
                stale.add(copy);
                continue;
            }
            copies.put(copy.index(), copy);
            logger.log(System.Logger.Level.INFO, "adopted " + copy.describe() + " with PORT "
                    + launcher.port(copy.index()) + ", left running by the last run");
        }
        try {
            stopper.stop(stale);
        } finally {
            record();
        }
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
        return (int) copies.values().stream().filter(Copy::alive).count();
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
                newest.stream().filter(copy -> !copy.alive()).forEach(copy -> copies.remove(copy.index()));
                record();
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
    synchronized Optional<ProcessHandle> process(int index) {
        return Optional.ofNullable(copies.get(index)).map(Copy::handle);
    }

    private void launch(int index) throws PluginException {
        Process process = launcher.start(index);
        copies.put(index, Copy.started(index, started++, process));
        logger.log(System.Logger.Level.INFO, "started copy " + index + " (pid " + process.pid() + ") with PORT "
                + launcher.port(index));
        record();
    }

    /**
     * Records the running copies. Failing to record does not fail the scale (the copies run either way); it is logged,
     * since after a crash the next start would then not find them.
     */
    private void record() {
        List<CopyRecords.Entry> entries = new ArrayList<>();
        for (Copy copy : copies.values()) {
            // A copy that already exited has no start time any more; it is not worth recording anyway.
            copy.handle().info().startInstant().ifPresent(since -> entries.add(new CopyRecords.Entry(copy.index(),
                    copy.handle().pid(), since, launcher.command())));
        }
        try {
            records.save(entries);
        } catch (IOException e) {
            logger.log(System.Logger.Level.WARNING, "cannot record the running copies in " + records.file() + ": "
                    + e.getMessage() + "; if autoscalebot is killed, the next start will not find them");
        }
    }

    private List<Copy> removeDead(String outcome) {
        List<Copy> dead = new ArrayList<>();
        for (Copy copy : List.copyOf(copies.values())) {
            if (!copy.alive()) {
                logger.log(System.Logger.Level.WARNING, copy.describe() + " exited on its own " + copy.exit() + "; "
                        + outcome);
                copies.remove(copy.index());
                dead.add(copy);
            }
        }
        if (!dead.isEmpty()) {
            record();
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
