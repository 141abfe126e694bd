/**
 * The {@code response-time} measure plugin: times a GET of a URL with the JDK's HTTP client.
 */
module io.autoscalebot.plugin.responsetime {
    requires io.autoscalebot.api;
    requires java.net.http;

    provides io.autoscalebot.api.measure.MeasureProvider with
            io.autoscalebot.plugin.responsetime.ResponseTimeProvider;
}
