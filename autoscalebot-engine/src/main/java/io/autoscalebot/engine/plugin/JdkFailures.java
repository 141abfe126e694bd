package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.lang.LayerInstantiationException;
import java.lang.module.FindException;
import java.lang.module.ResolutionException;
import java.util.ServiceConfigurationError;
import java.util.zip.ZipException;

/**
 * Words the JDK's module and jar exceptions as a problem for the user: which plugin, what went wrong, what to do. The
 * JDK's own message is kept (it names the module or package at fault) but never its stack trace.
 */
final class JdkFailures {

    /** The advice when only the plugin's author can fix it. */
    static final String ASK_AUTHOR = "ask the plugin's author for a fixed release, or remove the plugin";

    private JdkFailures() {
    }

    /**
     * @param location the plugin, as shown to the user
     * @param failure what the JDK threw while reading, resolving or defining the plugin
     * @return one or two lines naming the plugin and saying what to do
     */
    static String describe(Object location, Throwable failure) {
        String detail = detail(failure);
        if (failure instanceof ZipException) {
            return location + ": not a readable jar (" + detail + "); replace it with a fresh copy of the plugin";
        }
        // A package split with the engine's modules is reported at resolution or at definition; either way the plugin
        // carries a copy of something autoscalebot provides.
        if (failure instanceof LayerInstantiationException || detail.contains(" contains package ")) {
            return location + ": cannot be loaded beside autoscalebot's own modules: " + detail
                    + "; the plugin must not bundle classes autoscalebot ships"
                    + " (build it with autoscalebot-api as provided)";
        }
        // The resolver reports a missing module as a FindException, though no jar is at fault.
        if (failure instanceof FindException && detail.contains(" not found")) {
            return location + ": a library it needs is missing: " + detail
                    + "; put the missing library jar next to the plugin jar in its folder, or remove the plugin";
        }
        if (failure instanceof ResolutionException) {
            return location + ": its modules do not resolve: " + detail
                    + "; ask the plugin's author for a release with compatible libraries, or remove the plugin";
        }
        if (failure instanceof FindException) {
            return location + ": cannot be read as a Java module: " + detail
                    + "; replace the damaged or misnamed jar, or ask the plugin's author for a fixed release";
        }
        if (failure instanceof ServiceConfigurationError) {
            return location + ": a provider cannot be loaded: " + detail
                    + "; " + ASK_AUTHOR;
        }
        if (failure instanceof IOException) {
            return location + ": cannot be read: " + detail + "; check the file exists and is readable";
        }
        return location + ": failed to load: " + detail + "; " + ASK_AUTHOR;
    }

    /**
     * @return the failure's message followed by its causes' messages, on one line; the type where there is no message
     */
    static String detail(Throwable failure) {
        StringBuilder text = new StringBuilder(message(failure));
        // Bounded walk: a cause chain can, in principle, loop.
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 5; depth++, cause = cause.getCause()) {
            String more = message(cause);
            if (!text.toString().contains(more)) {
                text.append(": ").append(more);
            }
        }
        return text.toString();
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
