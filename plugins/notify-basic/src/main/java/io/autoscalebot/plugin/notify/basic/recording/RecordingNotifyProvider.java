package io.autoscalebot.plugin.notify.basic.recording;

import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.api.settings.SettingType;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.api.notify.NotifyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code test} notifier: records every notification for tests and plugin authors; see {@link RecordingNotify}.
 */
public final class RecordingNotifyProvider implements NotifyProvider {

    static final Setting FILE = Setting.of("file", SettingType.STRING)
            .doc("A file to also append one JSON object per notification to (time, group, type, phase, message, "
                    + "details), so a test in another process can read what was sent. Relative to autoscalebot's "
                    + "working directory; created with its parent directories. In the same JVM, read "
                    + "RecordingNotify.recorded(group) instead.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public RecordingNotifyProvider() {
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public String description() {
        return "Records every notification in memory (and optionally as JSON lines in a file), for tests.";
    }

    @Override
    public List<Setting> settings() {
        return List.of(FILE);
    }

    @Override
    public RecordingNotify create(Settings settings, PluginContext context) throws PluginException {
        Optional<Path> file = settings.optionalString(FILE.name()).map(Path::of);
        if (file.isPresent() && file.get().toAbsolutePath().getParent() != null) {
            Path parent = file.get().toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new PluginException("cannot create " + parent + " for the test notifier's file: "
                        + e.getMessage() + "; fix the file setting or the directory's permissions", e);
            }
        }
        return new RecordingNotify(file);
    }
}
