package io.autoscalebot.plugin.local;

import static io.autoscalebot.plugin.local.Processes.await;
import static io.autoscalebot.plugin.local.Processes.gone;
import static io.autoscalebot.plugin.local.Processes.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.testkit.CapturingLogger;
import io.autoscalebot.testkit.InvalidSettingsException;
import io.autoscalebot.testkit.TestContexts;
import io.autoscalebot.testkit.TestSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalScaleTest {

    private static final String RUN = "exec sleep 60";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T18:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;
    @TempDir
    Path state;

    private final CapturingLogger logger = new CapturingLogger();
    /** Free when the test starts, so a quickstart running on 8700 beside the build cannot fail the copies. */
    private final int basePort = Processes.freePorts(4);
    private final List<LocalScale> created = new ArrayList<>();

    @AfterEach
    void stopEveryCopy() throws Exception {
        for (LocalScale scale : created) {
            scale.teardown();
        }
    }

    private LocalScale local(String shellLine, Object... more) throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("command", List.of("sh", "-c", shellLine));
        raw.put("working_directory", work.toString());
        raw.put("base_port", basePort);
        for (int i = 0; i < more.length; i += 2) {
            raw.put((String) more[i], more[i + 1]);
        }
        LocalProvider provider = new LocalProvider();
        PluginContext context = TestContexts.plugin().clock(CLOCK).logger(logger).stateDirectory(state).build();
        LocalScale scale = (LocalScale) provider.create(TestSettings.resolve(provider, raw), context);
        created.add(scale);
        scale.setup();
        return scale;
    }

    @Test
    void startsEachCopyWithItsPortAndIndex() throws Exception {
        LocalScale scale = local("echo \"$PORT $INDEX\" > out-$INDEX.txt; " + RUN, "base_port", 9100);

        assertThat(scale.scaleTo(2)).isEqualTo(2);

        await("both copies to write their PORT", () -> !read(work.resolve("out-1.txt")).isEmpty()
                && !read(work.resolve("out-0.txt")).isEmpty());
        assertThat(read(work.resolve("out-0.txt"))).isEqualTo("9100 0\n");
        assertThat(read(work.resolve("out-1.txt"))).isEqualTo("9101 1\n");
        assertThat(scale.current()).isEqualTo(2);
    }

    @Test
    void scalesDownByStoppingTheNewestCopiesWithSigterm() throws Exception {
        LocalScale scale = local(RUN);
        scale.scaleTo(3);
        List<ProcessHandle> newest = List.of(scale.process(1).orElseThrow(), scale.process(2).orElseThrow());

        assertThat(scale.scaleTo(1)).isEqualTo(1);

        assertThat(scale.indexes()).containsExactly(0);
        assertThat(newest).allMatch(Processes::gone);
        assertThat(logger.lines()).as("SIGTERM alone stopped them").noneMatch(line -> line.contains("SIGKILL"));
    }

    @Test
    void startsNewCopiesAtTheLowestFreeIndex() throws Exception {
        LocalScale scale = local(RUN);
        scale.scaleTo(2);
        scale.process(0).orElseThrow().destroy();
        await("copy 0 to die", () -> scale.current() == 1);
        scale.beforeTick(); // the replacement of copy 0 is now the newest copy
        scale.scaleTo(1);
        assertThat(scale.indexes()).containsExactly(1);

        scale.scaleTo(2);

        assertThat(scale.indexes()).containsExactly(0, 1);
    }

    @Test
    void killsACopyThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        LocalScale scale = local("trap '' TERM; touch trapped-$INDEX; sleep 60", "grace", "300ms");
        scale.scaleTo(1);
        await("the copy to ignore SIGTERM", () -> Files.exists(work.resolve("trapped-0")));
        ProcessHandle copy = scale.process(0).orElseThrow();
        List<ProcessHandle> tree = copy.descendants().collect(Collectors.toList());

        scale.scaleTo(0);

        assertThat(copy.isAlive()).isFalse();
        assertThat(tree).allMatch(Processes::gone);
        assertThat(logger.lines()).contains("WARNING copy 0 (pid " + copy.pid()
                + ") did not stop within 300ms of SIGTERM; sending SIGKILL");
    }

    @Test
    void givesTheAppAShellCopyStartedTheWholeGracePeriodAfterTheShellExits() throws Exception {
        LocalScale scale = local("sh -c 'trap \"sleep 1; touch stopped-$INDEX; exit 0\" TERM; touch trapped-$INDEX; "
                + "while true; do sleep 0.1; done' & wait", "grace", "10s");
        scale.scaleTo(1);
        await("the app to trap SIGTERM", () -> Files.exists(work.resolve("trapped-0")));

        scale.scaleTo(0);

        assertThat(work.resolve("stopped-0")).as("written by the app's SIGTERM handler just before it exits").exists();
        assertThat(logger.lines()).noneMatch(line -> line.contains("SIGKILL"));
    }

    @Test
    void stopsTheChildrenOfACopyToo() throws Exception {
        LocalScale scale = local("sleep 60 & sleep 60 & touch forked-$INDEX; wait");
        scale.scaleTo(1);
        ProcessHandle copy = scale.process(0).orElseThrow();
        // The file appears before touch itself has exited and been reaped: wait for the two sleeps to be all there is.
        await("the copy to have forked its two children and reaped touch", () -> Files.exists(work.resolve("forked-0"))
                && running(copy.descendants()).size() == 2);
        List<ProcessHandle> children = running(copy.descendants());

        scale.scaleTo(0);

        assertThat(children).hasSize(2);
        await("the children to be gone", () -> children.stream().allMatch(Processes::gone));
    }

    private static List<ProcessHandle> running(Stream<ProcessHandle> processes) {
        return processes.filter(process -> !Processes.gone(process)).collect(Collectors.toList());
    }

    @Test
    void adoptsTheCopiesARunKilledWithoutTeardownLeftRunning() throws Exception {
        LocalScale crashed = local(RUN);
        crashed.scaleTo(2);
        List<Long> pids = List.of(crashed.process(0).orElseThrow().pid(), crashed.process(1).orElseThrow().pid());
        created.remove(crashed); // like kill -9: no teardown, the copies keep running

        LocalScale restarted = local(RUN);

        assertThat(restarted.current()).isEqualTo(2);
        assertThat(restarted.indexes()).containsExactly(0, 1);
        assertThat(List.of(restarted.process(0).orElseThrow().pid(), restarted.process(1).orElseThrow().pid()))
                .isEqualTo(pids);
        assertThat(logger.lines()).contains("INFO adopted copy 0 (pid " + pids.get(0) + ") with PORT " + basePort
                + ", left running by the last run");
        assertThat(restarted.scaleTo(2)).isEqualTo(2);
        assertThat(logger.lines().stream().filter(line -> line.contains("started copy"))).as("no new copy").hasSize(2);

        restarted.scaleTo(1);

        assertThat(restarted.indexes()).containsExactly(0);
        assertThat(ProcessHandle.of(pids.get(1)).filter(p -> !Processes.gone(p))).as("adopted copy 1").isEmpty();
        restarted.teardown();
        assertThat(ProcessHandle.of(pids.get(0)).filter(p -> !Processes.gone(p))).as("adopted copy 0").isEmpty();
    }

    @Test
    void neverTouchesAProcessThatOnlyReusesARecordedPid() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Instant strangerStarted = stranger.info().startInstant().orElseThrow();
            new CopyRecords(state).save(List.of(new CopyRecords.Entry(0, stranger.pid(),
                    strangerStarted.minusSeconds(30), List.of("sh", "-c", RUN))));

            LocalScale scale = local(RUN);
            scale.teardown();

            assertThat(scale.current()).isZero();
            assertThat(stranger.isAlive()).as("not signalled").isTrue();
            assertThat(logger.lines()).contains("INFO pid " + stranger.pid() + " of copy 0 (pid " + stranger.pid()
                    + "), left by the last run, now belongs to another process (started " + strangerStarted + ", not "
                    + strangerStarted.minusSeconds(30) + "); leaving that process alone");
        } finally {
            stranger.destroyForcibly().waitFor();
        }
    }

    @Test
    void adoptsARecordedProcessThatIsStillTheSameAndStopsItOnScaleDown() throws Exception {
        Process leftOver = new ProcessBuilder("sh", "-c", RUN).start();
        new CopyRecords(state).save(List.of(new CopyRecords.Entry(1, leftOver.pid(),
                leftOver.info().startInstant().orElseThrow(), List.of("sh", "-c", RUN))));

        LocalScale scale = local(RUN);

        assertThat(scale.indexes()).containsExactly(1);
        scale.scaleTo(0);
        assertThat(leftOver.waitFor(Processes.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stopsALeftOverCopyOfACommandNoLongerConfigured() throws Exception {
        Process leftOver = new ProcessBuilder("sh", "-c", RUN).start();
        new CopyRecords(state).save(List.of(new CopyRecords.Entry(0, leftOver.pid(),
                leftOver.info().startInstant().orElseThrow(), List.of("sh", "-c", "exec sleep 61"))));

        LocalScale scale = local(RUN);

        assertThat(scale.current()).isZero();
        assertThat(leftOver.waitFor(Processes.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(logger.lines()).anyMatch(line -> line.contains("runs [sh, -c, exec sleep 61], not the configured "
                + "[sh, -c, exec sleep 60]; stopping it"));
    }

    @Test
    void failsACopyWhosePortAnotherProcessHolds() throws Exception {
        try (ServerSocket taken = new ServerSocket(basePort + 1, 1, InetAddress.getLoopbackAddress())) {
            LocalScale scale = local(RUN);

            assertThatThrownBy(() -> scale.scaleTo(2))
                    .isInstanceOf(PluginException.class)
                    .hasMessage("cannot start copy 1: port " + (basePort + 1) + " is already in use by another "
                            + "process; stop it or choose another base port");
            assertThat(scale.indexes()).containsExactly(0);
            assertThat(taken.isBound()).isTrue();
        }
    }

    @Test
    void replacesACopyThatDiedOnItsOwnBeforeTheNextTick() throws Exception {
        LocalScale scale = local("if [ -e started-$INDEX ]; then " + RUN + "; fi; touch started-$INDEX; exit 3");
        scale.scaleTo(1);
        long firstPid = scale.process(0).orElseThrow().pid();
        await("copy 0 to exit", () -> scale.current() == 0);

        scale.beforeTick();

        assertThat(scale.current()).isEqualTo(1);
        assertThat(scale.process(0).orElseThrow().pid()).isNotEqualTo(firstPid);
        assertThat(logger.lines()).contains(
                "WARNING copy 0 (pid " + firstPid + ") exited on its own with code 3; starting a replacement");
    }

    @Test
    void appendsEachCopysOutputToItsLogFile() throws Exception {
        LocalScale scale = local("echo out of $INDEX; echo err of $INDEX >&2; " + RUN);

        scale.scaleTo(1);

        Path log = state.resolve("copy-0.log");
        await("the copy to write its log", () -> read(log).contains("err of 0"));
        assertThat(read(log)).contains("out of 0\n");
    }

    @Test
    void teardownStopsEveryCopy() throws Exception {
        LocalScale scale = local(RUN);
        scale.scaleTo(2);
        List<ProcessHandle> copies = List.of(scale.process(0).orElseThrow(), scale.process(1).orElseThrow());

        scale.teardown();

        assertThat(copies).allMatch(Processes::gone);
        assertThat(scale.current()).isZero();
    }

    @Test
    void aCommandThatCannotStartIsAPluginExceptionNamingItAndTheOsReason() throws Exception {
        LocalProvider provider = new LocalProvider();
        LocalScale scale = (LocalScale) provider.create(
                TestSettings.resolve(provider, Map.of("command", List.of("autoscalebot-no-such-program", "--serve"))),
                TestContexts.plugin().clock(CLOCK).logger(logger).stateDirectory(state).build());
        created.add(scale);

        assertThatThrownBy(() -> scale.scaleTo(1))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cannot start copy 0 of command [autoscalebot-no-such-program, --serve]")
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void refusesAWorkingDirectoryThatDoesNotExist() {
        assertThatThrownBy(() -> local(RUN, "working_directory", work.resolve("missing").toString()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("working_directory: working_directory " + work.resolve("missing")
                        + " is not a directory");
    }
}
