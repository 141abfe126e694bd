package io.autoscalebot.dist;

import java.nio.file.Path;

/** Parts of the TOML configurations the tests write, shared where tests need the same part. */
final class Configs {

    private Configs() {
    }

    /**
     * @param group the group's name
     * @param file where the {@code test} notifier appends one JSON object per notification
     * @return a {@code [[groups.GROUP.notify]]} table for the {@code test} notifier
     */
    static String testNotifier(String group, Path file) {
        return "[[groups." + group + ".notify]]\nplugin = \"test\"\nfile = \"" + file + "\"\n";
    }
}
