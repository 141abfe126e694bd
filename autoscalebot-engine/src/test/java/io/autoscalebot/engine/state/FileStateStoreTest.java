package io.autoscalebot.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.decide.ScaleEvent;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.engine.context.ScaleRecord;
import io.autoscalebot.engine.loop.RecordingLogger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {

    private static final ScaleEvent FIRST = new ScaleRecord(Instant.parse("2026-03-10T12:00:00Z"), 2, 3);
    private static final ScaleEvent SECOND = new ScaleRecord(Instant.parse("2026-03-10T12:05:00Z"), 3, 4);

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();

    private FileStateStore store() {
        return new FileStateStore(dir, log);
    }

    @Test
    void readsBackWhatItSaved() throws IOException {
        GroupState state = new GroupState(Optional.of(SECOND), List.of(FIRST, SECOND), Set.of(EventType.ABOVE_MAX));

        store().save("web", state);

        assertThat(store().load("web")).isEqualTo(state);
        assertThat(store().file("web")).isEqualTo(dir.resolve("web").resolve("engine-state.json"));
    }

    @Test
    void aGroupNeverSavedStartsEmpty() {
        assertThat(store().load("web")).isEqualTo(GroupState.EMPTY);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aTemporaryFileLeftByACrashMidWriteDoesNotLoseThePreviousState() throws IOException {
        // given: a recorded state, then a save that died after writing half its temporary file
        GroupState previous = GroupState.EMPTY.withScale(FIRST, Instant.EPOCH);
        store().save("web", previous);
        Path leftover = dir.resolve("web").resolve("engine-state.json.8812.tmp");
        Files.writeString(leftover, "{\"version\":1,\"lastSc", StandardCharsets.UTF_8);

        // when / then: the previous state is read, untouched by the leftover
        assertThat(store().load("web")).isEqualTo(previous);

        // when: the next save
        GroupState next = previous.withScale(SECOND, Instant.EPOCH);
        store().save("web", next);

        // then: it is recorded, and the leftover is cleaned up
        assertThat(store().load("web")).isEqualTo(next);
        assertThat(leftover).doesNotExist();
        try (var files = Files.list(dir.resolve("web"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("engine-state.json");
        }
    }

    @Test
    void aCorruptStateFileIsAClearWarningAndAFreshStart() throws IOException {
        Path file = store().file("web");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ this is not json", StandardCharsets.UTF_8);

        GroupState state = store().load("web");

        assertThat(state).isEqualTo(GroupState.EMPTY);
        assertThat(log.lines()).singleElement().asString()
                .startsWith("WARNING")
                .contains("the state of group 'web' in " + file + " is corrupt (not valid JSON")
                .contains("starting afresh");
    }

    @Test
    void aStateFileWithAnImpossibleScaleIsCorruptNotACrash() throws IOException {
        Path file = store().file("web");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":1,\"lastScale\":{\"time\":\"yesterday\",\"from\":2,\"to\":3}}");

        assertThat(store().load("web")).isEqualTo(GroupState.EMPTY);
        assertThat(log.lines()).singleElement().asString().contains("is corrupt");
    }

    @Test
    void aReadOnlyStoreReadsTheRecordedStateButNeverWritesIt() throws IOException {
        GroupState recorded = GroupState.EMPTY.withScale(FIRST, Instant.EPOCH);
        store().save("web", recorded);
        StateStore dryRun = StateStore.readOnly(store());

        dryRun.save("web", recorded.withScale(SECOND, Instant.EPOCH));

        assertThat(dryRun.load("web").lastScale()).hasValue(SECOND);
        assertThat(store().load("web")).isEqualTo(recorded);
    }

    @Test
    void keepsOnlyScalesInsideTheWindow() {
        GroupState state = GroupState.EMPTY.withScale(FIRST, Instant.EPOCH).withScale(SECOND, FIRST.time());

        assertThat(state.recentScales()).containsExactly(SECOND);
        assertThat(state.lastScale()).hasValue(SECOND);
    }
}
