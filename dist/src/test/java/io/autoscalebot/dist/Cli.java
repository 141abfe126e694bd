package io.autoscalebot.dist;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a distribution's {@code bin/autoscalebot} as a child process, as a user would from a shell, and captures what it
 * prints. Immutable: {@link #withEnvironment} and {@link #in} return new instances.
 */
final class Cli {

    /**
     * A hang guard, not a speed check: the slowest command, {@code run --once}, needs about 3 s on a quiet machine, but
     * the first run that records a JDK 25 start-up archive took over 60 s at a load average of 30 on two cores.
     */
    static final Duration BOUND = Duration.ofSeconds(300);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path launcher;
    private final Path workingDirectory;
    private final Path outputDirectory;
    private final Map<String, String> environment;

    private Cli(Path launcher, Path workingDirectory, Path outputDirectory, Map<String, String> environment) {
        this.launcher = launcher;
        this.workingDirectory = workingDirectory;
        this.outputDirectory = outputDirectory;
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param home the distribution's folder (holding bin/, lib/, plugins/)
     * @param workingDirectory where the command runs and its output is kept (a temporary folder: the launcher also
     *     searches its {@code ./plugins})
     */
    static Cli of(Path home, Path workingDirectory) {
        Map<String, String> environment = new HashMap<>();
        // The JDK running the tests runs the launcher too, so `JAVA_HOME=... mvn verify` tests that JDK end to end.
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // The C1 compiler alone starts the CLI faster; the machine is small and the CLI runs for a second or two.
        environment.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        // No start-up archives (a cache under a file cannot be made): the run that writes one is slower, these tests
        // are about behaviour, and none may write into the real home folder. LauncherStartIT tests the archives.
        environment.put("XDG_CACHE_HOME", "/dev/null");
        return new Cli(home.resolve("bin").resolve("autoscalebot"), workingDirectory, workingDirectory, environment);
    }

    /** @return this command line with one more variable in the child's environment */
    Cli withEnvironment(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new Cli(launcher, workingDirectory, outputDirectory, more);
    }

    /** @return this command line run from another working directory; its output is still kept where it was */
    Cli in(Path directory) {
        return new Cli(launcher, directory, outputDirectory, environment);
    }

    /**
     * Runs a command to its end.
     *
     * @throws AssertionError when it did not end within {@link #BOUND}; it is killed then
     */
    Result run(String... arguments) {
        try (Running running = start(arguments)) {
            if (!running.process().waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("autoscalebot " + String.join(" ", arguments) + " did not finish within "
                        + BOUND.toSeconds() + " s; " + running.output());
            }
            return new Result(running.process().exitValue(), running.stdout(), running.stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts a command that runs until stopped, like {@code run} without {@code --once}. Close it to kill it. */
    Running start(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        int number = RUNS.incrementAndGet();
        Path stdout = outputDirectory.resolve("cli-" + number + ".out");
        Path stderr = outputDirectory.resolve("cli-" + number + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            return new Running(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + launcher, e);
        }
    }

    /**
     * What a finished command did.
     *
     * @param exitCode its exit code
     * @param stdout what it printed on standard output
     * @param stderr what it printed on standard error
     */
    record Result(int exitCode, String stdout, String stderr) {

        /** @return both outputs, for assertions on a text that may be on either, and for failure messages */
        String output() {
            return "exit code " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    /**
     * A command still running, whose output is read from the files it writes to.
     *
     * @param process the launcher's process (the JVM: the launcher execs java)
     * @param stdoutFile where its standard output goes
     * @param stderrFile where its standard error goes
     */
    record Running(Process process, Path stdoutFile, Path stderrFile) implements AutoCloseable {

        /** @return its standard output so far */
        String stdout() {
            return read(stdoutFile);
        }

        /** @return its standard error so far */
        String stderr() {
            return read(stderrFile);
        }

        /** @return both outputs so far, for failure messages */
        String output() {
            return "--- stdout:\n" + stdout() + "--- stderr:\n" + stderr();
        }

        /** Kills it if it still runs: a failed test leaves no JVM behind. */
        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
