package io.autoscalebot.plugin.leaseredis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * One real redis-server on a free loopback port for the whole test run of this module, started by the first class
 * that asks (kept in JUnit's root store, which stops it at the end), as the sidekiq and celery-redis tests do.
 */
final class RealRedis implements BeforeAllCallback {

    private static Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
    }

    /** @return {@code redis://127.0.0.1:PORT/0} of the running server */
    static String url() {
        return "redis://127.0.0.1:" + server.port + "/0";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Server(RedisServer redis, int port) implements AutoCloseable {

        static Server start() {
            int port = freePort();
            try {
                RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("save \"\"").setting("appendonly no").build();
                redis.start();
                return new Server(redis, port);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start redis-server on port " + port, e);
            }
        }

        @Override
        public void close() throws IOException {
            redis.stop();
        }
    }
}
