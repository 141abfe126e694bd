package io.autoscalebot.engine;

import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.config.StartOnly;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ExecutorScheduler;
import io.autoscalebot.engine.loop.Lateness;
import io.autoscalebot.engine.loop.Reload;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.loop.TickListener;
import io.autoscalebot.engine.notify.Redactor;
import io.autoscalebot.engine.state.FileStateStore;
import io.autoscalebot.engine.status.DashboardPage;
import io.autoscalebot.engine.status.EngineMetrics;
import io.autoscalebot.engine.status.Role;
import io.autoscalebot.engine.status.ServerStartException;
import io.autoscalebot.engine.status.StatusBoard;
import io.autoscalebot.engine.status.StatusJson;
import io.autoscalebot.engine.status.StatusServer;
import io.autoscalebot.engine.state.InstanceLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * One configuration running in real time: every group on its own interval ({@link #start()}), or one tick of each
 * ({@link #runOnce()}); {@link #stop(Duration)} ends either in bounded time and tears every plugin down. Safe to stop
 * from another thread (a shutdown hook) while it runs.
 */
public final class Autoscaler implements AutoCloseable {

    private final Engine engine;
    private final EngineConfig config;
    /** What the status server shows; null without {@code [server]}. */
    private final StatusBoard board;
    private final EngineMetrics metrics;
    private volatile StatusServer server;
    /** What /status writes; made at the start, told of reloads. */
    private volatile StatusJson status;

    /** Held while a real run may scale, so a second instance on the same state directory is refused; else null. */
    private final InstanceLock lock;

    Autoscaler(EngineConfig config, RunOptions options) throws StartRefusedException {
        // A dry run never scales nor writes state: it may run beside the real one, e.g. to try a change. With
        // [leader], instances share the configuration on purpose and the lease decides which one acts.
        this.lock = options.dryRun() || config.leader().isPresent() ? null : lock(config.stateDirectory());
        this.config = config;
        if (config.server().isPresent()) {
            this.metrics = new EngineMetrics(Engine.latenessBounds(), version());
            Redactor redactor = Redactor.of(config.secrets());
            this.board = new StatusBoard(config.groups().stream().map(g -> g.name()).toList(), metrics,
                    options.dryRun(), redactor::redact);
        } else {
            this.metrics = null;
            this.board = null;
        }
        FileStateStore store = new FileStateStore(config.stateDirectory(),
                System.getLogger("io.autoscalebot.engine.state"));
        // A few scheduler threads whatever the number of groups (a waiting group holds no thread), and first ticks
        // spread over each interval so that thousands of groups are not all due at once.
        this.engine = new Engine(config, Clock.systemUTC(), new ExecutorScheduler(ExecutorScheduler.defaultThreads()),
                store, EngineOptions.DEFAULT.withDryRun(options.dryRun()).withTeardown(options.teardown())
                        .withSpreadFirstTicks(true).withSummary(options.summaryOr(config.logSummary())),
                board == null ? TickListener.NONE : board);
    }

    /**
     * Starts the status server when {@code [server]} asks for one, then ticks every group now and then every interval,
     * on the autoscaler's own threads; returns at once.
     *
     * @throws ServerException when the status server cannot listen (its port is in use): nothing was started
     */
    public void start() {
        if (board != null) {
            // active without [leader]; with it leader or standby, as the lease keeper knows it at each request.
            Role role = engine::role;
            status = new StatusJson(board, config.groups(), Clock.systemUTC(), engine::lateness, role);
            try {
                DashboardPage dashboard = new DashboardPage(board, role, Clock.systemUTC(), dashboardRefresh());
                server = StatusServer.start(config.server().get(), status::write, dashboard::write, metrics, role);
            } catch (ServerStartException e) {
                throw new ServerException(e.getMessage());
            }
        }
        engine.start();
    }

    /** @return how often the dashboard reloads: the shortest interval of a group, from 2 s to a minute */
    private Duration dashboardRefresh() {
        Duration shortest = config.groups().stream().map(g -> g.interval()).min(Duration::compareTo)
                .orElse(Duration.ofSeconds(30));
        return shortest.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2)
                : shortest.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : shortest;
    }

    /** @return the port the status server listens on, once {@link #start() started}; empty without one */
    public OptionalInt statusPort() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
    }

    /**
     * Runs one tick of every group, one after the other: {@code run --once}. A {@link #stop} meanwhile gives it the
     * grace, then interrupts it, and the groups not reached are skipped.
     *
     * @return how each group's tick went, in configuration order
     */
    public List<TickSummary> runOnce() {
        return engine.runOnce().stream().map(Autoscaler::summary).toList();
    }

    /**
     * Stops in bounded time: no new ticks, running ones get {@code grace} and are then interrupted, then every group's
     * plugins are torn down within the teardown budget. Calling it again does nothing.
     *
     * @return true when every running tick finished within the grace
     */
    public boolean stop(Duration grace) {
        return stop(grace, "asked to stop");
    }

    /**
     * {@link #stop(Duration) Stops}, logging at INFO that it does and why ({@code SIGTERM or Ctrl-C}, {@code --once
     * finished}), so the log says when and why the engine ended.
     *
     * @param grace how long the stop may take
     * @param reason why, in words
     * @return true when everything stopped within the grace
     */
    public boolean stop(Duration grace, String reason) {
        try {
            return engine.stop(grace, reason);
        } finally {
            closeServer();
            unlock();
        }
    }

    /** The status server answers until the engine has stopped, so a scrape during a stop still sees the groups. */
    private synchronized void closeServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** @return this engine's version, from its module or jar; {@code development} in a build without one */
    private static String version() {
        Module module = Autoscaler.class.getModule();
        String version = module.getDescriptor() != null ? module.getDescriptor().rawVersion().orElse(null) : null;
        if (version == null) {
            version = Autoscaler.class.getPackage().getImplementationVersion();
        }
        return version == null ? "development" : version;
    }

    /**
     * Replaces the running configuration with another, group by group, without losing state (SIGHUP): an unchanged
     * group keeps running untouched, a changed one is rebuilt keeping its last scale, measurement history and open
     * conditions, a removed one is torn down, a new one starts. Logged at INFO. The plugins are those the
     * configuration was loaded with: load it with the same {@link Plugins} to keep unchanged groups untouched.
     *
     * @param next the new configuration, already validated (an invalid file never gets here: keep the old one)
     * @return what changed
     * @throws IllegalStateException when the autoscaler was stopped
     */
    public ReloadSummary reload(Configuration next) {
        Reload reload = engine.reload(next.engineConfig());
        if (board != null) {
            board.regroup(next.engineConfig().groups().stream().map(g -> g.name()).toList(),
                    Redactor.of(next.engineConfig().secrets())::redact);
            StatusJson current = status;
            if (current != null) {
                current.regroup(next.engineConfig().groups());
            }
        }
        List<String> restartNeeded = StartOnly.changed(config, next.engineConfig());
        if (!restartNeeded.isEmpty()) {
            System.getLogger("io.autoscalebot.engine").log(System.Logger.Level.WARNING, String.join(", ", restartNeeded)
                    + " changed in " + next.engineConfig().file() + " but " + (restartNeeded.size() == 1 ? "is" : "are")
                    + " read only at start: the running values stay until a restart");
        }
        return new ReloadSummary(reload.added(), reload.changed(), reload.removed(), reload.unchanged(),
                restartNeeded, reload.describe());
    }

    private static InstanceLock lock(Path stateDirectory) throws StartRefusedException {
        try {
            return InstanceLock.acquire(stateDirectory);
        } catch (InstanceLock.Held e) {
            throw new StartRefusedException(e.getMessage());
        } catch (IOException e) {
            throw new StartRefusedException("cannot lock the state directory " + stateDirectory + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that it is a writable folder, or"
                    + " set state_dir to one");
        }
    }

    /** Releases the instance lock; the process ending releases it too, so a failure here only delays nothing. */
    private void unlock() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            System.getLogger("io.autoscalebot.engine").log(System.Logger.Level.DEBUG,
                    "releasing the instance lock failed: " + e);
        }
    }

    /** @return how late the ticks started so far, engine-wide and each group's last */
    public TickLateness lateness() {
        Lateness l = engine.lateness();
        return new TickLateness(l.count(), l.max(), l.total(), l.bounds(), l.counts(), l.lastByGroup());
    }

    /** Stops with a grace of 10 s. */
    @Override
    public void close() {
        stop(Engine.DEFAULT_GRACE);
    }

    private static TickSummary summary(TickReport report) {
        return new TickSummary(report.group(), report.time(), TickSummary.Outcome.valueOf(report.outcome().name()),
                report.summary());
    }
}
