/**
 * Basic notifiers: {@code console} (one line per notification on stdout), {@code logger} (through the JDK's
 * System.Logger) and {@code test} (records notifications for tests, see
 * {@link io.autoscalebot.plugin.notify.basic.recording.RecordingNotify}).
 */
module io.autoscalebot.plugin.notify.basic {
    requires io.autoscalebot.api;

    // Tests that run the engine read what the test notifier recorded through RecordingNotify.
    exports io.autoscalebot.plugin.notify.basic.recording;

    provides io.autoscalebot.api.notify.NotifyProvider with
            io.autoscalebot.plugin.notify.basic.ConsoleNotifyProvider,
            io.autoscalebot.plugin.notify.basic.LoggerNotifyProvider,
            io.autoscalebot.plugin.notify.basic.recording.RecordingNotifyProvider;
}
