package io.autoscalebot.cli;

import io.autoscalebot.cli.logging.DeferredResetLogManager;
import io.autoscalebot.engine.config.EngineConfig;
import io.autoscalebot.engine.loop.Engine;
import io.autoscalebot.engine.loop.EngineOptions;
import io.autoscalebot.engine.loop.ExecutorScheduler;
import io.autoscalebot.engine.loop.TickReport;
import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import io.autoscalebot.engine.state.FileStateStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autoscalebot run}: the loop, until SIGTERM or Ctrl-C; or one tick of every group with {@code --once}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Measure, decide, scale and notify for every configured group, on each group's interval.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    PluginOptions plugins;
    @Option(names = "--once", description = "Run one tick of every group, then exit (1 if any tick failed).")
    boolean once;
    @Option(names = "--dry-run", description = "Measure, decide and notify, but never scale.")
    boolean dryRun;
    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "On SIGTERM, how long running ticks may finish before they are cancelled (default: ${DEFAULT-VALUE}).")
    Duration grace;
    @Option(names = "--teardown", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "On stop, how long each group's plugins may take to tear down, after --grace and whatever "
                    + "the group's timeout; groups tear down at once (default: ${DEFAULT-VALUE}). A scale plugin "
                    + "stopping local processes needs its own grace period within this.")
    Duration teardown;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    /** Counted down when the stop hook has finished or was removed: then logging may be reset. */
    private CountDownLatch hookFinished = new CountDownLatch(0);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (teardown.isZero() || teardown.isNegative()) {
            err.println("autoscalebot: --teardown must be more than 0s, like --teardown 30s; got " + teardown);
            return Main.USAGE;
        }
        PluginCatalog catalog = plugins.load();
        Optional<EngineConfig> loaded = config.load(catalog, err);
        if (loaded.isEmpty()) {
            return Main.USAGE;
        }
        EngineConfig engineConfig = loaded.get();
        warnAboutUnusablePlugins(catalog, err);
        FileStateStore store = new FileStateStore(engineConfig.stateDirectory(),
                System.getLogger("io.autoscalebot.engine.state"));
        Engine engine = new Engine(engineConfig, Clock.systemUTC(),
                new ExecutorScheduler(Math.max(1, engineConfig.groups().size())), store,
                EngineOptions.DEFAULT.withDryRun(dryRun).withTeardown(teardown));
        if (once) {
            return runOnce(engine, out);
        }
        return runUntilStopped(engine, out);
    }

    private int runOnce(Engine engine, PrintWriter out) {
        // SIGTERM or Ctrl-C during the tick must still stop what it started (local copies), as in the loop.
        Thread hook = stopHook(engine, () -> { });
        Runtime.getRuntime().addShutdownHook(hook);
        List<TickReport> reports;
        try {
            reports = engine.runOnce();
        } finally {
            removeHook(hook);
            engine.stop(grace, "--once finished");
        }
        boolean failed = false;
        for (TickReport report : reports) {
            out.println(onceLine(report, dryRun));
            failed |= report.outcome() == TickReport.Outcome.FAILED
                    || report.outcome() == TickReport.Outcome.NOT_STARTED;
        }
        out.flush();
        return failed ? Main.FAILURE : Main.OK;
    }

    /**
     * @return {@code web: scaled: current 2, measured 1500 ms, scaled 2 -> 3: busy}: the group once, then what the tick
     *     did (in a dry run a scale is {@code would scale}, never {@code scaled}), then its summary
     */
    static String onceLine(TickReport report, boolean dryRun) {
        String prefix = report.group() + ": ";
        String summary = report.summary().startsWith(prefix)
                ? report.summary().substring(prefix.length()) : report.summary();
        String outcome = report.outcome() == TickReport.Outcome.SCALED && dryRun ? "would scale"
                : report.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return prefix + outcome + ": " + summary;
    }

    private int runUntilStopped(Engine engine, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(stopHook(engine, stopped::countDown));
        out.println("autoscalebot " + (dryRun ? "(dry run: nothing will be scaled) " : "")
                + "running; stop with Ctrl-C or SIGTERM");
        out.flush();
        engine.start();
        stopped.await();
        return Main.OK;
    }

    /**
     * SIGTERM and Ctrl-C run shutdown hooks: this one stops the engine within the grace period and tears the plugins
     * down (local copies too), then runs {@code after}. Logging stays open until it has finished, so what the stop
     * logs is seen.
     */
    private Thread stopHook(Engine engine, Runnable after) {
        CountDownLatch finished = new CountDownLatch(1);
        // The engine's stop is bounded by the grace, a second per unwinding step, and the teardown budget.
        DeferredResetLogManager.holdResetUntil(finished, grace.plus(teardown).plusSeconds(5));
        hookFinished = finished;
        return new Thread(() -> {
            try {
                engine.stop(grace, "SIGTERM or Ctrl-C");
                after.run();
            } finally {
                finished.countDown();
            }
        }, "autoscalebot-shutdown");
    }

    /** After a normal finish; when a shutdown already began, the hook is running and stops the engine itself. */
    private void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            hookFinished.countDown();
        } catch (IllegalStateException shutdownInProgress) {
            // Nothing to undo: the hook runs, and engine.stop is idempotent.
        }
    }

    private static void warnAboutUnusablePlugins(PluginCatalog catalog, PrintWriter err) {
        for (PluginInfo plugin : catalog.plugins()) {
            if (plugin.status() != PluginInfo.Status.LOADED) {
                err.println("autoscalebot: warning: " + plugin.problem());
            }
        }
        err.flush();
    }
}
