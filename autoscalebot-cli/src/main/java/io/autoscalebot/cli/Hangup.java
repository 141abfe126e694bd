package io.autoscalebot.cli;

import sun.misc.Signal;

/**
 * SIGHUP as "reload the configuration", as nomad-autoscaler and most daemons read it. The JDK offers no supported
 * API for a signal other than the shutdown hooks of SIGTERM and SIGINT, so this uses {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}, kept in the CLI and out of the engine).
 */
final class Hangup {

    private Hangup() {
    }

    /**
     * Runs {@code action} on each SIGHUP, on a thread the JVM starts for it (the engine serializes reloads). Where
     * the platform has no SIGHUP (Windows) nothing is installed and a restart is the way to reload.
     */
    static void onSignal(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), signal -> action.run());
        } catch (IllegalArgumentException noSuchSignal) {
            System.getLogger("io.autoscalebot.cli").log(System.Logger.Level.DEBUG,
                    "no SIGHUP on this platform: restart to reload the configuration");
        }
    }
}
