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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        for (int i = 0; i < more.length; i += 2) {
            raw.put((String) more[i], more[i + 1]);
        }
        LocalProvider provider = new LocalProvider();
        PluginContext context = TestContexts.plugin().clock(CLOCK).logger(logger).stateDirectory(state).build();
        LocalScale scale = (LocalScale) provider.create(TestSettings.resolve(provider, raw), context);
        created.add(scale);
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
        List<Process> newest = List.of(scale.process(1).orElseThrow(), scale.process(2).orElseThrow());

        assertThat(scale.scaleTo(1)).isEqualTo(1);

        assertThat(scale.indexes()).containsExactly(0);
        assertThat(newest).noneMatch(Process::isAlive);
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
        Process copy = scale.process(0).orElseThrow();
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
        await("the copy to fork its children", () -> Files.exists(work.resolve("forked-0")));
        List<ProcessHandle> children = scale.process(0).orElseThrow().descendants().collect(Collectors.toList());

        scale.scaleTo(0);

        assertThat(children).hasSize(2);
        await("the children to be gone", () -> children.stream().allMatch(Processes::gone));
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
        List<Process> copies = List.of(scale.process(0).orElseThrow(), scale.process(1).orElseThrow());

        scale.teardown();

        assertThat(copies).noneMatch(Process::isAlive);
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
