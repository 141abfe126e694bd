package io.autoscalebot.engine.plugin;

/**
 * Why {@code plugins install} or {@code plugins remove} refused, in one line for the user: what is wrong, with which
 * file, and how to fix it. Never shown with a stack trace: the message is the whole story.
 */
public final class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    InstallException(String message) {
        super(message, null, false, false);
    }
}
