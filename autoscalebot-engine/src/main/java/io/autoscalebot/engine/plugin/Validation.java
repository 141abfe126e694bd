package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.settings.SettingProblem;
import io.autoscalebot.api.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a component's provider to {@code validate} settings the way the engine calls any plugin code: with the plugin's
 * class loader as context loader, on a thread of its own within a time limit, and with what it throws, hangs on or
 * answers wrongly worded as a bug of that plugin rather than a stack trace.
 */
public final class Validation {

    /** How long {@code validate} may take; it must not connect anywhere, so this is generous. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What {@code validate} answered.
     *
     * @param problems what is wrong with the settings, by key; empty when they are fine or when validate failed
     * @param failure why there is no answer, worded for the user as the plugin's bug; null when it answered
     */
    public record Outcome(List<SettingProblem> problems, String failure) {

        /** Copies the problems. */
        public Outcome {
            problems = List.copyOf(problems);
        }

        /** @return whether validate failed to answer */
        public boolean failed() {
            return failure != null;
        }
    }

    private Validation() {
    }

    /**
     * @param component the component whose provider checks the settings
     * @param settings its settings, resolved against its declared schema
     * @param timeout how long to wait for the answer
     * @return the problems found, or why validate gave none
     */
    public static Outcome validate(Component component, Settings settings, Duration timeout) {
        FutureTask<List<SettingProblem>> call = new FutureTask<>(
                () -> component.call(() -> component.provider().validate(settings)));
        Thread thread = new Thread(call, "autoscalebot-validate-" + component.id());
        // A validate that never returns must not keep the JVM alive after the CLI has reported it.
        thread.setDaemon(true);
        thread.start();
        try {
            return answer(component, call.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            return bug(component, "it did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(List.of(), "checking the settings of " + component.id() + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return bug(component, "it threw " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + JdkFailures.detail(cause)));
        }
    }

    private static Outcome answer(Component component, List<SettingProblem> problems) {
        if (problems == null) {
            return bug(component, "it returned null instead of a list of problems");
        }
        List<SettingProblem> checked = new ArrayList<>();
        for (SettingProblem problem : problems) {
            if (problem == null) {
                return bug(component, "it returned a null problem");
            }
            checked.add(problem);
        }
        return new Outcome(checked, null);
    }

    private static Outcome bug(Component component, String what) {
        return new Outcome(List.of(), "plugin '" + component.pluginId() + "' " + component.pluginVersion()
                + " failed to check these settings (a bug in the plugin, not in this file): " + what
                + "; " + JdkFailures.ASK_AUTHOR);
    }
}
