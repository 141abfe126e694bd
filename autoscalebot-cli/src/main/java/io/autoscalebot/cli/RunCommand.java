package io.autoscalebot.cli;

import io.autoscalebot.cli.logging.DeferredResetLogManager;
import io.autoscalebot.engine.Autoscalebot;
import io.autoscalebot.engine.Autoscaler;
import io.autoscalebot.engine.Configuration;
import io.autoscalebot.engine.ConfigurationException;
import io.autoscalebot.engine.Plugins;
import io.autoscalebot.engine.RunOptions;
import io.autoscalebot.engine.ServerException;
import io.autoscalebot.engine.StartRefusedException;
import io.autoscalebot.engine.TickSummary;
import java.io.PrintWriter;
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
    @Option(names = "--log-summary", paramLabel = "DURATION", fallbackValue = "1m", arity = "0..1",
            converter = DurationConverter.class,
            description = "Log one INFO line every DURATION (1m when given alone; 0s for none) summing up the ticks "
                    + "since the last: how many held, scaled and failed, and how late they started. Routine ticks log "
                    + "at DEBUG. Wins over [log] summary in the configuration file.")
    Duration logSummary;
    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per record, the default) or json (one JSON object per line: time, level, "
                    + "logger, group, message and the line's fields, like from, to and reason), for log shippers.")
    String logFormat;
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
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            err.println("autoscalebot: --log-format must be text or json; got '" + logFormat + "'");
            return Main.USAGE;
        }
        if (logSummary != null && logSummary.isNegative()) {
            err.println("autoscalebot: --log-summary must be a positive duration, like --log-summary 1m; got "
                    + logSummary);
            return Main.USAGE;
        }
        if (logFormat.equals("json")) {
            Logging.useJson();
        }
        Plugins found = plugins.loadFor(List.of(config.file));
        Optional<Configuration> loaded = config.load(found, err);
        if (loaded.isEmpty()) {
            return Main.USAGE;
        }
        warnAboutUnusablePlugins(found, err);
        Autoscaler engine;
        try {
            engine = Autoscalebot.autoscaler(loaded.get(), new RunOptions(dryRun, teardown,
                    Optional.ofNullable(logSummary)));
        } catch (StartRefusedException e) {
            err.println("autoscalebot: " + e.getMessage());
            return Main.USAGE;
        }
        if (once) {
            return runOnce(engine, out);
        }
        Hangup.onSignal(() -> reload(engine, found));
        return runUntilStopped(engine, out);
    }

    private int runOnce(Autoscaler engine, PrintWriter out) {
        // SIGTERM or Ctrl-C during the tick must still stop what it started (local copies), as in the loop.
        Thread hook = stopHook(engine, () -> { });
        Runtime.getRuntime().addShutdownHook(hook);
        List<TickSummary> ticks;
        try {
            ticks = engine.runOnce();
        } finally {
            removeHook(hook);
            engine.stop(grace, "--once finished");
        }
        boolean failed = false;
        for (TickSummary tick : ticks) {
            out.println(onceLine(tick, dryRun));
            failed |= tick.failed();
        }
        out.flush();
        return failed ? Main.FAILURE : Main.OK;
    }

    /**
     * @return {@code web: scaled: current 2, measured 1500 ms, scaled 2 -> 3: busy}: the group once, then what the tick
     *     did (in a dry run a scale is {@code would scale}, never {@code scaled}), then its summary
     */
    static String onceLine(TickSummary tick, boolean dryRun) {
        String prefix = tick.group() + ": ";
        String summary = tick.summary().startsWith(prefix) ? tick.summary().substring(prefix.length()) : tick.summary();
        String outcome = tick.outcome() == TickSummary.Outcome.SCALED && dryRun ? "would scale"
                : tick.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return prefix + outcome + ": " + summary;
    }

    private int runUntilStopped(Autoscaler engine, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(stopHook(engine, stopped::countDown));
        try {
            engine.start();
        } catch (ServerException e) {
            // Nothing was started: a port in use is the user's to fix, like a mistake in the file.
            PrintWriter err = spec.commandLine().getErr();
            err.println("autoscalebot: " + e.getMessage());
            err.flush();
            engine.stop(grace, "the status server could not start");
            return Main.USAGE;
        }
        out.println("autoscalebot " + (dryRun ? "(dry run: nothing will be scaled) " : "")
                + "running" + engine.statusPort().stream().mapToObj(port -> "; status on port " + port)
                .findFirst().orElse("") + "; stop with Ctrl-C or SIGTERM");
        out.flush();
        stopped.await();
        return Main.OK;
    }

    /**
     * SIGTERM and Ctrl-C run shutdown hooks: this one stops the engine within the grace period and tears the plugins
     * down (local copies too), then runs {@code after}. Logging stays open until it has finished, so what the stop
     * logs is seen.
     */
    private Thread stopHook(Autoscaler engine, Runnable after) {
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

    /**
     * SIGHUP: reads the configuration file again with the plugins loaded at the start; a valid one replaces the running
     * one group by group (the engine logs what changed), an invalid one is logged with every problem at its
     * FILE:LINE:COL and the running one goes on.
     */
    private void reload(Autoscaler engine, Plugins found) {
        System.Logger log = System.getLogger("io.autoscalebot.cli");
        log.log(System.Logger.Level.INFO, "SIGHUP: reloading " + config.file);
        try {
            engine.reload(Autoscalebot.loadConfiguration(config.file, found, System.getenv()));
        } catch (ConfigurationException e) {
            int count = e.problems().size();
            log.log(System.Logger.Level.ERROR, "SIGHUP: " + config.file + " has " + count
                    + (count == 1 ? " error" : " errors") + "; still running the previous configuration. Fix it and "
                    + "send SIGHUP again:" + System.lineSeparator() + e.getMessage());
        } catch (IllegalStateException stopping) {
            log.log(System.Logger.Level.INFO, "SIGHUP ignored: the engine is stopping");
        } catch (RuntimeException e) {
            // Whatever went wrong, the running configuration must go on: a reload is never a reason to stop.
            log.log(System.Logger.Level.ERROR, "SIGHUP: reloading " + config.file + " failed (" + e
                    + "); still running the previous configuration");
        }
    }

    private static void warnAboutUnusablePlugins(Plugins found, PrintWriter err) {
        for (String problem : found.problems()) {
            err.println("autoscalebot: warning: " + problem);
        }
        err.flush();
    }
}
