package io.autoscalebot.engine;

/**
 * {@code plugins install} or {@code plugins remove} refused, in one line for the user: what is wrong, with which file,
 * and how to fix it. The plugin folders are left as they were. Never shown with a stack trace: the message is the
 * whole story.
 */
public final class PluginChangeException extends Exception {

    private static final long serialVersionUID = 1L;

    PluginChangeException(String message) {
        super(message, null, false, false);
    }
}
