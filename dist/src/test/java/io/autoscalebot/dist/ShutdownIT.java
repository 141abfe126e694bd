package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} keeps going until SIGTERM, then stops cleanly: the launcher exits, the local copies are gone (also when
 * {@code run --once} is stopped), and what the stop logs reaches stderr.
 */
class ShutdownIT {

    private static final Pattern STARTED_COPY = Pattern.compile("started copy \\d+ \\(pid (\\d+)\\)");
    private static final Duration START_BOUND = Duration.ofSeconds(30);
    private static final Duration STOP_BOUND = Duration.ofSeconds(20);
    private static final Duration REAP_BOUND = Duration.ofSeconds(5);

    @TempDir
    Path work;

    @Test
    void sigtermStopsTheLoopAndTheLocalCopiesItStarted() throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(work.resolve("plugins-extra"));
        Files.copy(Distribution.thirdPartyJar(), plugins.resolve("file-value-plugin-0.9.0.jar"));
        Path load = Files.writeString(work.resolve("load.txt"), "5\n");
        // Between the thresholds: the loop holds, and keeps the min of 2 copies running.
        Path config = Configs.write(work.resolve("autoscale.toml"), Configs.stateDir(work.resolve("state")),
                Configs.group("web", 2, 2, "interval", "1s"),
                Configs.fileValue("web", load),
                Configs.component("web", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                Configs.localSleep("web", 300));

        try (Cli.Running running = Cli.of(Distribution.home(), work)
                .start("run", "--config", config.toString(), "--plugins-dir", plugins.toString())) {
            Poll.until(START_BOUND, () -> copyPids(running.stderr()).size() == 2, running::output);
            List<ProcessHandle> copies = copiesWithTheirChildren(copyPids(running.stderr()));
            assertThat(copies).as("the copies run").hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);

            running.process().destroy();

            assertThat(running.process().waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the launcher exits within %s after SIGTERM; %s", STOP_BOUND, running.output()).isTrue();
            assertThat(running.stdout()).contains("running; stop with Ctrl-C or SIGTERM");
            // SIGKILL of a copy's orphaned children is asynchronous: they may take a moment to be gone.
            Poll.until(REAP_BOUND, () -> copies.stream().noneMatch(ProcessHandle::isAlive),
                    () -> "copies or their children still running after the launcher exited: "
                            + copies.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        }
    }

    @Test
    void sigtermDuringRunOnceStopsTheLocalCopiesItStarted() throws IOException, InterruptedException {
        // given: web starts its min of 2 copies; api, ticked after it, hangs timing an app that never answers
        Path plugins = Files.createDirectories(work.resolve("plugins-extra"));
        Files.copy(Distribution.thirdPartyJar(), plugins.resolve("file-value-plugin-0.9.0.jar"));
        Path load = Files.writeString(work.resolve("load.txt"), "5\n");
        try (HungApp app = HungApp.start()) {
            Path config = Configs.write(work.resolve("autoscale.toml"), Configs.stateDir(work.resolve("state")),
                    Configs.group("web", 2, 2),
                    Configs.fileValue("web", load),
                    Configs.component("web", "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                    Configs.localSleep("web", 300),
                    hungGroup("api", app));

            try (Cli.Running running = Cli.of(Distribution.home(), work).start("run", "--once", "--grace", "1s",
                    "--config", config.toString(), "--plugins-dir", plugins.toString())) {
                Poll.until(START_BOUND, () -> copyPids(running.stderr()).size() == 2 && app.requested(),
                        running::output);
                List<ProcessHandle> copies = copiesWithTheirChildren(copyPids(running.stderr()));

                // when
                running.process().destroy();

                // then
                assertThat(running.process().waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the launcher exits within %s after SIGTERM; %s", STOP_BOUND, running.output()).isTrue();
                Poll.until(REAP_BOUND, () -> copies.stream().noneMatch(ProcessHandle::isAlive),
                        () -> "copies still running after run --once was stopped: "
                                + copies.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList()
                                + "; " + running.output());
            }
        }
    }

    @Test
    void whatTheStopLogsAfterSigtermReachesStderr() throws InterruptedException {
        // given: a loop whose only tick hangs timing an app that never answers
        try (HungApp app = HungApp.start()) {
            Path config = Configs.write(work.resolve("autoscale.toml"), Configs.stateDir(work.resolve("state")),
                    hungGroup("api", app));
            try (Cli.Running running = Cli.of(Distribution.home(), work)
                    .start("run", "--grace", "1s", "--config", config.toString())) {
                Poll.until(START_BOUND, app::requested, running::output);

                // when
                running.process().destroy();

                // then: the warning logged while stopping is not lost to the JDK's own logging shutdown
                assertThat(running.process().waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the launcher exits within %s after SIGTERM; %s", STOP_BOUND, running.output()).isTrue();
                assertThat(running.stderr()).as(running.output())
                        .contains("ticks still running after 1 s were interrupted");
            }
        }
    }

    /** A group whose measure times a GET of {@code app} with timeouts far beyond the test's bounds. */
    private static String hungGroup(String name, HungApp app) {
        return String.join("\n",
                Configs.group(name, 1, 1, "interval", "10m", "timeout", "5m"),
                Configs.component(name, "measure", "response-time", "url", app.url(), "timeout", "5m"),
                Configs.component(name, "decide", "consecutive-threshold", "max_value", 10, "min_value", 1),
                Configs.localSleep(name, 300));
    }

    /** The shell of each copy and the {@code sleep} it runs: stopping cleanly ends both. */
    private static List<ProcessHandle> copiesWithTheirChildren(List<Long> pids) {
        List<ProcessHandle> processes = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle copy = ProcessHandle.of(pid)
                    .orElseThrow(() -> new AssertionError("copy " + pid + " was logged as started but does not run"));
            processes.add(copy);
            copy.descendants().forEach(processes::add);
        }
        return processes;
    }

    private static List<Long> copyPids(String log) {
        Matcher matcher = STARTED_COPY.matcher(log);
        List<Long> pids = new ArrayList<>();
        while (matcher.find()) {
            pids.add(Long.parseLong(matcher.group(1)));
        }
        return pids;
    }
}
