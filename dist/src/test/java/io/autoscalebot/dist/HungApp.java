package io.autoscalebot.dist;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An app on loopback that accepts every request and answers none until closed: the {@code response-time} measure
 * timing it hangs, as against an overloaded app, so the tick is still running when the test stops the CLI.
 */
final class HungApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch requested = new CountDownLatch(1);

    private HungApp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.countDown();
            try {
                // Bounded, so a test that forgets to close it still ends.
                released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
    }

    static HungApp start() {
        try {
            return new HungApp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return its URL, {@code http://127.0.0.1:PORT/} */
    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
    }

    /** @return true once a request has arrived (and hangs) */
    boolean requested() {
        return requested.getCount() == 0;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
