package io.autoscalebot.plugin.notify.basic;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.notify.EventType;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;

/**
 * The {@code logger} notifier: logs each notification through the JDK's {@link System.Logger}, failures as
 * {@code WARNING} and everything else as {@code INFO}, so it lands wherever the application's logging goes.
 */
public final class LoggerNotifyProvider implements NotifyProvider {

    static final Setting NAME = Setting.of("name", SettingType.STRING).defaultValue("autoscalebot.notify")
            .doc("The logger name, for routing and filtering in the logging configuration.");

    private static final Set<EventType> FAILURES = Set.of(EventType.SCALE_FAILED, EventType.MEASUREMENT_FAILED);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public LoggerNotifyProvider() {
    }

    @Override
    public String id() {
        return "logger";
    }

    @Override
    public String description() {
        return "Logs each notification through System.Logger: failures as WARNING, the rest as INFO.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(NAME);
    }

    @Override
    public Notify create(Settings settings, PluginContext context) {
        System.Logger logger = System.getLogger(settings.string(NAME.name()));
        // The logging system adds its own time.
        return notification -> logger.log(level(notification), NotificationLine.format(notification, false));
    }

    /** @return WARNING while something is failing; INFO otherwise, including the end of a failure */
    static Level level(Notification notification) {
        return FAILURES.contains(notification.type()) && notification.phase() != Notification.Phase.ENDED
                ? Level.WARNING : Level.INFO;
    }
}
