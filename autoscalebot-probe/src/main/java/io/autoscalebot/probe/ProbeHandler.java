package io.autoscalebot.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@link Probe#handler()}: the measurement URL on the JDK's own HTTP server. */
final class ProbeHandler implements HttpHandler {

    private final Probe probe;

    ProbeHandler(Probe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "{\"error\":\"only GET and HEAD\"}", false);
                return;
            }
            String checks = checksParameter(exchange.getRequestURI().getRawQuery());
            if (!checks.equals("all") && !checks.equals("none")) {
                send(exchange, 400, "{\"error\":\"checks must be all or none\"}", head);
                return;
            }
            ProbeResult result = probe.run(checks.equals("all"));
            send(exchange, result.status(), result.toJson(), head);
        } finally {
            exchange.close();
        }
    }

    // ?checks=none skips the checks; no parameter (or checks=all) runs them. Other parameters are ignored.
    private static String checksParameter(String query) {
        if (query == null) {
            return "all";
        }
        String value = "all";
        for (String pair : query.split("&")) {
            if (pair.startsWith("checks=")) {
                value = pair.substring("checks=".length());
            }
        }
        return value;
    }

    private static void send(HttpExchange exchange, int status, String json, boolean head) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", ProbeResult.CONTENT_TYPE);
        // A cached answer would hide the load it is meant to show.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
