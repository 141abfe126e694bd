package io.autoscalebot.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Objects;

/** {@link QueueTime#wrap(HttpHandler)}: records each request, then lets the app's handler serve it. */
final class QueueTimeHandler implements HttpHandler {

    private final QueueTime queueTime;
    private final HttpHandler handler;

    QueueTimeHandler(QueueTime queueTime, HttpHandler handler) {
        this.queueTime = Objects.requireNonNull(queueTime, "queueTime");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        QueueTime.InFlight request = queueTime.begin(exchange.getRequestHeaders().getFirst("X-Request-Start"));
        try {
            handler.handle(exchange);
        } finally {
            request.close();
        }
    }
}
