package io.autoscalebot.plugin.notify.basic.recording;

import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.notify.Notification;
import io.autoscalebot.api.notify.Notify;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code test} notifier, for tests and for plugin authors: keeps every notification it receives, in order.
 *
 * <p>Two ways to read what was sent:
 * <ul>
 *   <li>In the same JVM: {@link #recorded(String)} returns a group's notifications; call {@link #clear()} before each
 *   test. This works when the engine loads this class from the test's own class path (a catalog built with
 *   {@code new RecordingNotifyProvider()}, or the plugin jar on the class path). A plugin loaded from a plugins folder
 *   gets its own copy of this class in its own loader, with its own records: use the {@code file} setting then.</li>
 *   <li>From another process: set {@code file} and read one JSON object per line,
 *   {@code {"time":"...","group":"web","type":"SCALE","phase":"EVENT","message":"...","details":{"from":"2",...}}}.</li>
 * </ul>
 */
public final class RecordingNotify implements Notify {

    private static final ConcurrentMap<String, List<Notification>> BY_GROUP = new ConcurrentHashMap<>();
    private static final Object FILE_LOCK = new Object();

    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private final Optional<Path> file;

    /**
     * Creates a recorder; the engine does this through {@link RecordingNotifyProvider}.
     *
     * @param file where to append one JSON line per notification, if anywhere
     */
    public RecordingNotify(Optional<Path> file) {
        this.file = file;
    }

    /**
     * @param group a group's name
     * @return every notification about that group that any recorder in this class loader received since the last
     *     {@link #clear()}, oldest first
     */
    public static List<Notification> recorded(String group) {
        return List.copyOf(BY_GROUP.getOrDefault(group, List.of()));
    }

    /** Forgets every group's notifications; call it before each test. The {@code file} is left alone. */
    public static void clear() {
        BY_GROUP.clear();
    }

    /** @return what this recorder received, oldest first */
    public List<Notification> notifications() {
        return List.copyOf(received);
    }

    @Override
    public void notify(Notification notification) throws PluginException {
        received.add(notification);
        BY_GROUP.computeIfAbsent(notification.group(), group -> new CopyOnWriteArrayList<>()).add(notification);
        if (file.isPresent()) {
            append(file.get(), JsonLine.of(notification) + "\n");
        }
    }

    private static void append(Path file, String line) throws PluginException {
        // One lock for every recorder, so lines of groups sharing a file never interleave.
        synchronized (FILE_LOCK) {
            try {
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new PluginException("cannot append to the test notifier's file " + file.toAbsolutePath() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
