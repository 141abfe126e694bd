package io.autoscalebot.engine.plugin;

/**
 * Why one plugin did not load, already worded for the user (naming the file and what to do). Internal to loading: it
 * ends up as the {@link PluginInfo#problem()} of that plugin, never as a stack trace.
 */
final class LoadProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final PluginInfo.Status status;

    LoadProblem(PluginInfo.Status status, String message) {
        // No stack trace: the message is the whole story and is shown as is.
        super(message, null, false, false);
        this.status = status;
    }

    /** @return a problem that makes the plugin {@link PluginInfo.Status#BROKEN} */
    static LoadProblem broken(String message) {
        return new LoadProblem(PluginInfo.Status.BROKEN, message);
    }

    PluginInfo.Status status() {
        return status;
    }
}
