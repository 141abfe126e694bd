package io.autoscalebot.plugin.notify.basic.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.plugin.notify.basic.Notifications;
import io.autoscalebot.testkit.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingNotifyTest {

    @TempDir
    Path directory;

    @BeforeEach
    void forgetEarlierTests() {
        RecordingNotify.clear();
    }

    @Test
    void recordsEveryNotificationOfAGroupInOrder() throws Exception {
        Notify notify = Notifications.create(new RecordingNotifyProvider(), Map.of());
        Notification first = Notifications.of(EventType.MEASUREMENT_FAILED, Notification.Phase.STARTED, "down");
        Notification second = Notifications.scaled();
        Notification other = TestContexts.notification().type(EventType.SCALE).group("worker").time(Notifications.TIME)
                .message("scaled 1 -> 2").build();

        notify.notify(first);
        notify.notify(other);
        notify.notify(second);

        assertThat(RecordingNotify.recorded("web")).containsExactly(first, second);
        assertThat(RecordingNotify.recorded("worker")).containsExactly(other);
        assertThat(((RecordingNotify) notify).notifications()).containsExactly(first, other, second);
    }

    @Test
    void clearForgetsWhatWasRecorded() throws Exception {
        Notify notify = Notifications.create(new RecordingNotifyProvider(), Map.of());
        notify.notify(Notifications.scaled());

        RecordingNotify.clear();

        assertThat(RecordingNotify.recorded("web")).isEmpty();
    }

    @Test
    void appendsOneJsonLinePerNotificationToTheFile() throws Exception {
        Path file = directory.resolve("out/notifications.jsonl");
        Notify notify = Notifications.create(new RecordingNotifyProvider(), Map.of("file", file.toString()));

        notify.notify(Notifications.scaled());
        notify.notify(Notifications.of(EventType.SCALE_FAILED, Notification.Phase.EVENT, "said \"no\"\n\tthen\u0001"));

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"time\":\"2026-11-29T18:00:00.250Z\",\"group\":\"web\",\"type\":\"SCALE\",\"phase\":\"EVENT\","
                        + "\"message\":\"scaled 2 -> 3: 3 of the last 3 measurements above 1200 ms (1340, 1502, 1290)\","
                        + "\"details\":{\"from\":\"2\",\"to\":\"3\",\"reason\":\"3 of the last 3 measurements above "
                        + "1200 ms (1340, 1502, 1290)\"}}",
                "{\"time\":\"2026-11-29T18:00:00.250Z\",\"group\":\"web\",\"type\":\"SCALE_FAILED\",\"phase\":\"EVENT\","
                        + "\"message\":\"said \\\"no\\\"\\n\\tthen\\u0001\",\"details\":{}}");
    }

    @Test
    void aFileThatCannotBeWrittenIsAPluginException() throws Exception {
        Notify notify = Notifications.create(new RecordingNotifyProvider(), Map.of("file", directory.toString()));

        assertThatThrownBy(() -> notify.notify(Notifications.scaled()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("cannot append to the test notifier's file " + directory);
    }
}
