import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The quickstart's app: one copy of a web process, started by the {@code local} scale plugin with PORT and INDEX.
 *
 * <p>Every copy serves {@code GET /} on PORT. The load is a wave that rises and falls over {@code DEMO_PERIOD_SECONDS}
 * (default 120 s); the work is shared by the copies that are running, so each answer takes longer when load per copy is
 * high. Copies find each other by probing the ports next to their own (base port 8700 by default), which is all the
 * coordination a demo needs. More copies, faster answers: that is the feedback loop autoscalebot closes.
 *
 * <p>Run by the JDK's source launcher: {@code java examples/quickstart/DemoApp.java}.
 */
public final class DemoApp {

    private static final int BASE_PORT = Integer.parseInt(env("DEMO_BASE_PORT", "8700"));
    private static final int MAX_COPIES = 16;
    private static final double PERIOD_SECONDS = Double.parseDouble(env("DEMO_PERIOD_SECONDS", "120"));

    private static volatile int copiesSeen = 1;
    private static volatile long copiesSeenAt;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(env("PORT", String.valueOf(BASE_PORT)));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            double load = load();
            int copies = copies();
            // 100 ms when idle; each unit of load per copy adds 500 ms.
            long millis = Math.round(100 + 500 * load / copies);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = String.format("load %.2f shared by %d copies: %d ms%n", load, copies, millis)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("demo copy " + env("INDEX", "0") + " serving on port " + port);
    }

    /** A wave between 0.2 and 3.0 units of load, from the wall clock so every copy agrees. */
    private static double load() {
        double phase = (System.currentTimeMillis() / 1000.0) % PERIOD_SECONDS / PERIOD_SECONDS;
        return 1.6 - 1.4 * Math.cos(2 * Math.PI * phase);
    }

    /** Counts copies listening on the ports from the base port up, at most once a second. */
    private static int copies() {
        long now = System.currentTimeMillis();
        if (now - copiesSeenAt > 1000) {
            int count = 0;
            for (int i = 0; i < MAX_COPIES; i++) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", BASE_PORT + i), 100);
                    count++;
                } catch (IOException e) {
                    // not running
                }
            }
            copiesSeen = Math.max(1, count);
            copiesSeenAt = now;
        }
        return copiesSeen;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
