package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up flags (issue 11): brief commands run on C1 with a class-data archive it makes on first use in
 * the user's cache; run and simulate keep the JDK's full JIT; a cache that cannot be written never fails a command.
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
                        .isEqualTo(cache.resolve("autoscalebot")))
                // <autoscalebot version>-<java version>, like 0.1.0-SNAPSHOT-17.0.15+6
                .allSatisfy(archive -> assertThat(archive.getParent().getFileName().toString())
                        .matches("\\d.*-" + Runtime.version().feature() + "[.+].*"))
                .extracting(archive -> archive.getFileName().toString().replaceAll("^[0-9]+-", ""))
                .containsExactlyInAnyOrder("version" + ARCHIVE_SUFFIX, "plugins" + ARCHIVE_SUFFIX,
                        "config" + ARCHIVE_SUFFIX);
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
    void briefCommandsRunOnC1AndRunAndSimulateKeepTheFullJit() throws IOException {
        // The JVM prints its final flags first; no JAVA_OPTS of the tests' own, so only the launcher picks the JIT.
        String printFlags = "-XX:+PrintFlagsFinal";
        // Brief commands with a cache that cannot be written: C1 does not depend on the archive, and no JVM is left
        // assembling one after the test.
        Path notAFolder = Files.writeString(work.resolve("not-a-folder"), "");
        Cli brief = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", notAFolder.toString())
                .withEnvironment("JAVA_OPTS", printFlags);
        Path cache = work.resolve("cache");
        Cli full = Cli.of(Distribution.home(), work).withEnvironment("XDG_CACHE_HOME", cache.toString())
                .withEnvironment("JAVA_OPTS", printFlags);

        assertThat(tieredStopAtLevel(brief.run("plugins", "list", "--help"))).isEqualTo("1");
        assertThat(tieredStopAtLevel(brief.run("--plugins-dir", work.toString(), "config", "--help"))).isEqualTo("1");
        assertThat(tieredStopAtLevel(full.run("run", "--help"))).isEqualTo("4");
        assertThat(tieredStopAtLevel(full.run("--plugins-dir", work.toString(), "simulate", "--help"))).isEqualTo("4");
        assertThat(archives(cache)).isEmpty();
    }

    private static String tieredStopAtLevel(Cli.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.stdout().lines().filter(line -> line.contains(" TieredStopAtLevel "))
                .map(line -> line.replaceAll(".*TieredStopAtLevel\\s*=\\s*(\\d+).*", "$1")).findFirst()
                .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in " + result.output()));
    }

    private static List<String> archiveNames(Path cache) {
        try {
            return archives(cache).stream()
                    .map(archive -> archive.getFileName().toString().replaceAll("^[0-9]+-", "")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
