package io.autoscalebot.plugin.notify.basic;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.notify.Notify;
import io.autoscalebot.api.notify.NotifyProvider;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import java.io.PrintStream;
import java.util.List;

/**
 * The {@code console} notifier: prints one line per notification to standard output, like
 * {@code 2026-11-29T18:00:00Z web SCALE scaled 2 -> 3: ...}.
 */
public final class ConsoleNotifyProvider implements NotifyProvider {

    static final Setting TIMESTAMPS = Setting.of("timestamps", SettingType.BOOLEAN).defaultValue(true)
            .doc("Whether each line starts with the time (UTC, to the second). Turn off when something else adds "
                    + "times, like journald or a container log.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ConsoleNotifyProvider() {
    }

    @Override
    public String id() {
        return "console";
    }

    @Override
    public String description() {
        return "Prints one line per notification to standard output.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(TIMESTAMPS);
    }

    @Override
    public Notify create(Settings settings, PluginContext context) {
        PrintStream out = System.out;
        boolean timestamps = settings.bool(TIMESTAMPS.name());
        return notification -> {
            synchronized (out) {
                out.println(NotificationLine.format(notification, timestamps));
                out.flush();
            }
        };
    }
}
