/**
 * The app-side probe: a measurement URL for autoscalebot's {@code response-time} and {@code app-decision} plugins.
 *
 * <p>{@link io.autoscalebot.probe.Probe} runs the checks the app registers and answers JSON;
 * {@link io.autoscalebot.probe.QueueTime} records how long requests waited before the app saw them
 * ({@code X-Request-Start}) and how many are in flight. Both have a JDK {@code HttpHandler} and a core usable from any
 * server (a servlet filter, Netty, ...). No dependency beyond the JDK: this module goes into users' apps.
 */
module io.autoscalebot.probe {
    // Transitive: handler() and wrap() hand out and take the JDK server's HttpHandler.
    requires transitive jdk.httpserver;

    exports io.autoscalebot.probe;
}
