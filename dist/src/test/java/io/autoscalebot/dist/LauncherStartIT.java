package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up flags (issue 11): brief commands run on C1 with a class-data archive it makes on first use in
 * the user's cache, simulate too; run keeps the JDK's full JIT and gets no archive; a cache that cannot be written never
 * fails a command, and a command ended by a signal leaves no archive behind.
 * Speed itself is measured by bench/startup.sh, not here.
 */
class LauncherStartIT {

    /** The JDK's own archive-checking switch: with it a JVM refuses to start when it cannot map the archive given. */
    private static final String ARCHIVE_REQUIRED = Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
    private static final String ARCHIVE_SUFFIX = Runtime.version().feature() >= 25 ? ".aot" : ".jsa";

    @TempDir
    Path work;

    @Test
    void eachBriefCommandMakesItsArchiveInTheUserCacheOnFirstUseAndStartsFromItAfter() throws IOException {
        Path cache = work.resolve("cache");
        Cli cli = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", cache.toString());
        Path quickstart = Distribution.repository().resolve("examples/quickstart.toml");
        // Each command and the name its archive takes in the cache (<subcommand>, version for the version alone, which runs
        // on the class path, or main for no subcommand).
        Map<String, List<String>> commands = Map.of("version", List.of("--version"), "plugins", List.of("plugins", "list"),
                "config", List.of("config", "validate", "--config", quickstart.toString()));

        for (Map.Entry<String, List<String>> kind : commands.entrySet()) {
            List<String> command = kind.getValue();
            Cli.Result first = cli.run(command.toArray(String[]::new));
            // JDK 25 assembles its AOT cache in the background once the command has returned.
            String archiveName = kind.getKey() + ARCHIVE_SUFFIX;
            Poll.until(Cli.BOUND, () -> archiveNames(cache).contains(archiveName)
                            && archiveNames(cache).stream().noneMatch(name -> name.contains(".tmp")),
                    () -> "no " + archiveName + " in " + cache + ": " + archiveNames(cache));
            // Then with the archive required: the JVM exits with an error if the one the launcher passes is unusable.
            Cli.Result second = cli.withEnvironment("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "
                    + ARCHIVE_REQUIRED).run(command.toArray(String[]::new));

            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.stderr()).as(first.output()).isEmpty();
            assertThat(second.exitCode()).as(second.output()).isZero();
            assertThat(second.stderr()).as(second.output()).isEmpty();
            assertThat(second.stdout()).isEqualTo(first.stdout());
        }
        // Nothing left over from writing them, either.
        assertThat(archives(cache)).hasSize(3)
                .allSatisfy(archive -> assertThat(archive.getParent().getParent())
                        .isEqualTo(installationFolder(cache, Distribution.home())))
                // <autoscalebot version>-<java version>, like 0.1.0-SNAPSHOT-17.0.15+6
                .allSatisfy(archive -> assertThat(archive.getParent().getFileName().toString())
                        .matches("\\d.*-" + Runtime.version().feature() + "[.+].*"))
                .extracting(archive -> archive.getFileName().toString().replaceAll("^[0-9]+-", ""))
                .containsExactlyInAnyOrder("version" + ARCHIVE_SUFFIX, "plugins" + ARCHIVE_SUFFIX,
                        "config" + ARCHIVE_SUFFIX);
    }

    @Test
    void twoInstallationsOfOneVersionKeepArchivesApart() throws IOException {
        // Two unpacked copies of one snapshot version may hold different jars: an archive made from one copy's jars
        // must never be handed to the other (JDK 17 can then fail a class with a sealing violation).
        Path cache = work.resolve("cache");
        Path first = copyOfTheDistribution(work.resolve("first"));
        Path second = copyOfTheDistribution(work.resolve("second"));
        for (Path home : List.of(first, second)) {
            Cli.Result listing = Cli.of(home, work).withEnvironment("XDG_CACHE_HOME", cache.toString())
                    .withEnvironment("JAVA_OPTS", "").run("plugins", "list");
            assertThat(listing.exitCode()).as(listing.output()).isZero();
            assertThat(listing.stderr()).as(listing.output()).isEmpty();
        }
        List<String> onePerInstallation = List.of("plugins" + ARCHIVE_SUFFIX, "plugins" + ARCHIVE_SUFFIX);
        Poll.until(Cli.BOUND, () -> archiveNames(cache).equals(onePerInstallation),
                () -> "not one plugins" + ARCHIVE_SUFFIX + " per installation in " + cache + ": " + archiveNames(cache));
        assertThat(archives(cache)).extracting(archive -> archive.getParent().getParent())
                .containsExactlyInAnyOrder(installationFolder(cache, first), installationFolder(cache, second));
    }

    @Test
    void anInstallationWhosePathHoldsASpaceRunsWithoutAnArchive() throws IOException {
        // JDK 17 aborts a command that archives classes from a jar whose path holds a space: no archive is better.
        Path cache = work.resolve("cache");
        Path home = copyOfTheDistribution(work.resolve("My Apps").resolve("autoscalebot"));
        Cli cli = Cli.of(home, work).withEnvironment("XDG_CACHE_HOME", cache.toString()).withEnvironment("JAVA_OPTS", "");
        for (int run = 0; run < 2; run++) {
            Cli.Result listing = cli.run("plugins", "list");
            assertThat(listing.exitCode()).as(listing.output()).isZero();
            assertThat(listing.stderr()).as(listing.output()).isEmpty();
            assertThat(listing.stdout()).contains("predictive");
        }
        assertThat(archives(cache)).isEmpty();
    }

    @Test
    void makingAnArchiveDropsThoseOfAnEarlierVersionOrJdkUpdateAndOfInstallationsNoLongerThere() throws IOException {
        Path cache = work.resolve("cache");
        Path ours = installationFolder(cache, Distribution.home());
        String version = cliVersion(Distribution.home());
        int feature = Runtime.version().feature();
        // This installation, upgraded in place and run on an earlier update of this JDK: both dead weight.
        Path earlierVersion = archiveAt(ours.resolve("0.0.1-" + feature + ".0.1+1").resolve("plugins" + ARCHIVE_SUFFIX));
        Path earlierUpdate = archiveAt(ours.resolve(version + "-" + feature + ".0.0+1").resolve("plugins.jsa"));
        // ... and on another JDK, which may well run it again; a temporary file a command may still be writing.
        Path otherJdk = archiveAt(ours.resolve(version + "-" + (feature + 1) + ".0.1+1").resolve("plugins.aot"));
        Path writing = archiveAt(ours.resolve("0.0.1-" + feature + ".0.1+1").resolve("plugins.jsa.4242.tmp"));
        // An installation that was deleted, and one that is still there (only its launcher matters here).
        Path gone = work.toRealPath().resolve("deleted").resolve("autoscalebot");
        Path goneArchive = archiveAt(Path.of(cache.resolve("autoscalebot/install") + gone.toString())
                .resolve(version + "-" + feature + ".0.1+1").resolve("config" + ARCHIVE_SUFFIX));
        Path other = work.resolve("other").resolve("autoscalebot");
        Files.createDirectories(other.resolve("bin"));
        Files.writeString(other.resolve("bin/autoscalebot"), "#!/bin/sh\n");
        Path otherArchive = archiveAt(Path.of(cache.resolve("autoscalebot/install") + other.toRealPath().toString())
                .resolve("0.0.1-" + feature + ".0.1+1").resolve("plugins" + ARCHIVE_SUFFIX));

        Cli.Result listing = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", cache.toString())
                .withEnvironment("JAVA_OPTS", "").run("plugins", "list");

        assertThat(listing.exitCode()).as(listing.output()).isZero();
        assertThat(listing.stderr()).as(listing.output()).isEmpty();
        // Pruned in the background once the new archive is in place.
        Poll.until(Cli.BOUND, () -> !Files.exists(earlierVersion) && !Files.exists(earlierUpdate)
                        && !Files.exists(goneArchive) && archiveNames(cache).stream().noneMatch(n -> n.endsWith(".config")),
                () -> "not pruned: " + archiveNames(cache));
        assertThat(otherJdk).exists();
        assertThat(writing).exists();
        assertThat(otherArchive).exists();
        // The folders emptied go with their archives, up to the installations' folder.
        assertThat(earlierUpdate.getParent()).doesNotExist();
        assertThat(cache.resolve("autoscalebot/install" + work.toRealPath()).resolve("deleted")).doesNotExist();
        String ownFolder = version + "-" + feature;
        Poll.until(Cli.BOUND, () -> Stream.of(ours.toFile().listFiles())
                        .filter(folder -> folder.getName().startsWith(ownFolder))
                        .anyMatch(folder -> new java.io.File(folder, "plugins" + ARCHIVE_SUFFIX).isFile()),
                () -> "no new archive in " + ours + ": " + archiveNames(cache));
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTheArchive() throws IOException {
        // A file where the cache folder should be: nothing can be created under it.
        Path notAFolder = Files.writeString(work.resolve("cache"), "not a folder");
        Cli cli = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", notAFolder.toString());

        Cli.Result result = cli.run("plugins", "list");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stderr()).as(result.output()).isEmpty();
        assertThat(result.stdout()).as(result.output()).startsWith("PLUGIN").contains("threshold");
    }

    @Test
    void briefCommandsAndSimulateRunOnC1AndRunKeepsTheFullJit() throws IOException {
        // The JVM prints its final flags first; no JAVA_OPTS of the tests' own, so only the launcher picks the JIT.
        String printFlags = "-XX:+PrintFlagsFinal";
        // A cache that cannot be written: the JIT does not depend on the archive, no JVM is left assembling one after
        // the test, and JDK 25 records an archive with the JVM's output off, flags included.
        Path notAFolder = Files.writeString(work.resolve("not-a-folder"), "");
        Cli uncached = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", notAFolder.toString())
                .withEnvironment("JAVA_OPTS", printFlags);
        Path cache = work.resolve("cache");
        Cli cached = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", cache.toString())
                .withEnvironment("JAVA_OPTS", printFlags);

        assertThat(tieredStopAtLevel(uncached.run("plugins", "list", "--help"))).isEqualTo("1");
        assertThat(tieredStopAtLevel(uncached.run("--plugins-dir", work.toString(), "config", "--help")))
                .isEqualTo("1");
        assertThat(tieredStopAtLevel(uncached.run("--plugins-dir", work.toString(), "simulate", "--help")))
                .isEqualTo("1");
        // run, with a cache it could write, makes no archive.
        assertThat(tieredStopAtLevel(cached.run("run", "--help"))).isEqualTo("4");
        assertThat(archives(cache)).isEmpty();
    }

    @Test
    void simulateMakesItsOwnArchiveOnFirstUseAndStartsFromItAfter() throws IOException {
        Path cache = work.resolve("cache");
        // The JDK's defaults, as a user runs it: no JAVA_OPTS of the tests' own.
        Cli cli = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", cache.toString())
                .withEnvironment("JAVA_OPTS", "");
        String[] simulate = simulateAnHour();

        Cli.Result first = cli.run(simulate);
        Poll.until(Cli.BOUND, () -> archiveNames(cache).equals(List.of("simulate" + ARCHIVE_SUFFIX)),
                () -> "no simulate" + ARCHIVE_SUFFIX + " alone in " + cache + ": " + archiveNames(cache));
        Cli.Result second = cli.withEnvironment("JAVA_OPTS", ARCHIVE_REQUIRED).run(simulate);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.stderr()).as(first.output()).isEmpty();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.stderr()).as(second.output()).isEmpty();
        assertThat(second.stdout()).isEqualTo(first.stdout()).contains("\"decide_plugin\" : \"predictive\"");
    }

    @Test
    void aFirstSimulateKilledBeforeItsEndLeavesNoArchiveNorTemporaryFile() throws Exception {
        Path cache = work.resolve("cache");
        Cli cli = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", cache.toString())
                .withEnvironment("JAVA_OPTS", "");

        // kill -9 of the JVM, which may be writing the archive: the launcher, its parent, sees it end by the signal.
        try (Cli.Running running = cli.start(simulateAnHour())) {
            ProcessHandle java = jvmUnder(running.process());
            java.destroyForcibly();
            assertThat(running.process().waitFor(Cli.BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(running.process().exitValue()).as(running.output()).isEqualTo(137);
        }
        assertThat(archives(cache)).isEmpty();
        // SIGTERM to the launcher alone: it waits for its JVM, then drops what that wrote.
        try (Cli.Running running = cli.start(simulateAnHour())) {
            ProcessHandle java = jvmUnder(running.process());
            running.process().destroy();
            assertThat(running.process().waitFor(Cli.BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(running.process().exitValue()).as(running.output()).isEqualTo(143);
            assertThat(java.isAlive()).isFalse();
        }
        assertThat(archives(cache)).isEmpty();
    }

    /** @return the JVM the launcher started (its other children are the shell's own, like a command substitution) */
    private static ProcessHandle jvmUnder(Process launcher) {
        AtomicReference<ProcessHandle> jvm = new AtomicReference<>();
        Poll.until(Cli.BOUND, () -> {
            launcher.children().filter(child -> child.info().command().orElse("").endsWith("/java")).findFirst()
                    .ifPresent(jvm::set);
            return jvm.get() != null;
        }, () -> "no JVM under the launcher");
        return jvm.get();
    }

    /** A simulation of an hour of traffic with the bench's predictive policy: start-up, and a replay too short to count. */
    private String[] simulateAnHour() throws IOException {
        StringBuilder trace = new StringBuilder("time,number_of_requests\n");
        for (int minute = 0; minute < 60; minute++) {
            trace.append(String.format("1995-07-01 00:%02d:00,%d%n", minute, 40 + minute));
        }
        Path file = Files.writeString(work.resolve("hour.csv"), trace);
        Path config = Distribution.repository().resolve("bench/policies/predictive.toml");
        return new String[] {"simulate", "--config", config.toString(), "--group", "web", "--trace", file.toString(),
            "--capacity", "5", "--boot", "60s", "--slo", "500ms", "--kind", "web", "--scale", "15", "--measure",
            "utilisation", "--json"};
    }

    private static String tieredStopAtLevel(Cli.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.stdout().lines().filter(line -> line.contains(" TieredStopAtLevel "))
                .map(line -> line.replaceAll(".*TieredStopAtLevel\\s*=\\s*(\\d+).*", "$1")).findFirst()
                .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in " + result.output()));
    }

    /** @return where the launcher keeps the archives of the installation at HOME: the installation's path, under the cache */
    private static Path installationFolder(Path cache, Path home) {
        try {
            return Path.of(cache.resolve("autoscalebot").resolve("install") + home.toRealPath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a copy of the built distribution at TARGET, as a user unpacking it there would have it */
    private static Path copyOfTheDistribution(Path target) throws IOException {
        Path home = Distribution.home();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(home.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** @return an archive-like file at FILE, its folders made */
    private static Path archiveAt(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "an archive");
    }

    /** @return the autoscalebot version of the installation at HOME, as the launcher reads it off its CLI jar */
    private static String cliVersion(Path home) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            return jars.map(jar -> jar.getFileName().toString()).filter(name -> name.startsWith("autoscalebot-cli-"))
                    .map(name -> name.substring("autoscalebot-cli-".length(), name.length() - ".jar".length()))
                    .findFirst().orElseThrow();
        }
    }

    private static List<String> archiveNames(Path cache) {
        try {
            return archives(cache).stream()
                    .map(archive -> archive.getFileName().toString().replaceAll("^[0-9]+-", "")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every file under the launcher's part of the cache (the engine keeps jar scans and listings beside it) */
    private static List<Path> archives(Path cache) throws IOException {
        Path installs = cache.resolve("autoscalebot").resolve("install");
        if (!Files.isDirectory(installs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(installs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
