/** An example web app that serves the autoscalebot probe. */
module io.autoscalebot.examples.probe {
    requires io.autoscalebot.probe;
    requires jdk.httpserver;
}
