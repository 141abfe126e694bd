package io.autoscalebot.plugin.notify.basic;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads what reached java.util.logging, the JDK's default backend for System.Logger. */
class LoggerNotifyTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    // Held so java.util.logging does not forget the configured logger between calls.
    private Logger julLogger;

    private Notify logger(String name, Map<String, ?> raw) throws Exception {
        julLogger = Logger.getLogger(name);
        julLogger.addHandler(handler);
        julLogger.setUseParentHandlers(false); // keeps the build output clean
        return Notifications.create(new LoggerNotifyProvider(), raw);
    }

    @AfterEach
    void removeHandler() {
        if (julLogger != null) {
            julLogger.removeHandler(handler);
            julLogger.setUseParentHandlers(true);
        }
    }

    @Test
    void logsOrdinaryEventsAsInfoWithoutTheTime() throws Exception {
        Notify notify = logger("autoscalebot.notify", Map.of());

        notify.notify(Notifications.of(EventType.SCALE, Notification.Phase.EVENT, "scaled 2 -> 3"));

        assertThat(logged).containsExactly("autoscalebot.notify INFO web SCALE scaled 2 -> 3");
    }

    @Test
    void logsFailuresAsWarningsAndTheirEndAsInfo() throws Exception {
        Notify notify = logger("autoscalebot.notify", Map.of());

        notify.notify(Notifications.of(EventType.MEASUREMENT_FAILED, Notification.Phase.STARTED, "connection refused"));
        notify.notify(Notifications.of(EventType.MEASUREMENT_FAILED, Notification.Phase.ENDED, "measuring again"));
        notify.notify(Notifications.of(EventType.SCALE_FAILED, Notification.Phase.EVENT, "401 Unauthorized"));

        assertThat(logged).containsExactly(
                "autoscalebot.notify WARNING web MEASUREMENT_FAILED STARTED connection refused",
                "autoscalebot.notify INFO web MEASUREMENT_FAILED ENDED measuring again",
                "autoscalebot.notify WARNING web SCALE_FAILED 401 Unauthorized");
    }

    @Test
    void logsUnderTheConfiguredName() throws Exception {
        Notify notify = logger("myapp.scaling", Map.of("name", "myapp.scaling"));

        notify.notify(Notifications.of(EventType.BELOW_MIN, Notification.Phase.STARTED, "wanted 0, min is 1"));

        assertThat(logged).containsExactly("myapp.scaling INFO web BELOW_MIN STARTED wanted 0, min is 1");
    }

    @Test
    void levelIsWarningOnlyForFailures() {
        for (EventType type : EventType.values()) {
            boolean failure = type == EventType.SCALE_FAILED || type == EventType.MEASUREMENT_FAILED;
            assertThat(LoggerNotifyProvider.level(Notifications.of(type, Notification.Phase.EVENT, "x")))
                    .as(type.name())
                    .isEqualTo(failure ? System.Logger.Level.WARNING : System.Logger.Level.INFO);
        }
    }

}
