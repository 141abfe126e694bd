package io.autoscalebot.plugin.notify.basic;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleNotifyTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream realOut;

    @BeforeEach
    void captureStandardOutput() {
        realOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(realOut);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerNotificationStartingWithTheTime() throws Exception {
        Notify console = Notifications.create(new ConsoleNotifyProvider(), Map.of());

        console.notify(Notifications.scaled());

        assertThat(printed()).isEqualTo("2026-11-29T18:00:00Z web SCALE scaled 2 -> 3: 3 of the last 3 measurements "
                + "above 1200 ms (1340, 1502, 1290)" + System.lineSeparator());
    }

    @Test
    void leavesTheTimeOutWhenTimestampsIsOff() throws Exception {
        Notify console = Notifications.create(new ConsoleNotifyProvider(), Map.of("timestamps", false));

        console.notify(Notifications.of(EventType.SCALE, Notification.Phase.EVENT, "scaled 2 -> 3"));

        assertThat(printed()).isEqualTo("web SCALE scaled 2 -> 3" + System.lineSeparator());
    }

    @Test
    void showsWhenAConditionStartedAndEnded() throws Exception {
        Notify console = Notifications.create(new ConsoleNotifyProvider(), Map.of("timestamps", false));

        console.notify(Notifications.of(EventType.ABOVE_MAX, Notification.Phase.STARTED, "wanted 5, max is 4"));
        console.notify(Notifications.of(EventType.ABOVE_MAX, Notification.Phase.ENDED, "back within max"));

        assertThat(printed().lines()).containsExactly("web ABOVE_MAX STARTED wanted 5, max is 4",
                "web ABOVE_MAX ENDED back within max");
    }

    @Test
    void keepsAMultiLineMessageOnOneLine() throws Exception {
        Notify console = Notifications.create(new ConsoleNotifyProvider(), Map.of("timestamps", false));

        console.notify(Notifications.of(EventType.SCALE_FAILED, Notification.Phase.EVENT, "refused:\n403 Forbidden"));

        assertThat(printed().lines()).containsExactly("web SCALE_FAILED refused: 403 Forbidden");
    }
}
