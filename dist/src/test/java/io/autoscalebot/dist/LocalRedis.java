package io.autoscalebot.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/** A real redis-server on a free loopback port, and a client to arrange what a test needs in it. */
final class LocalRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;
    private final JedisPooled client;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = new JedisPooled("127.0.0.1", port);
    }

    /** @return a started server; close it */
    static LocalRedis start() {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    // No snapshot on shutdown: the tests leave no dump.rdb behind.
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new LocalRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on port " + port, e);
        }
    }

    /** @return {@code redis://127.0.0.1:PORT/0}, a Celery broker URL */
    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** @return a client of this server */
    JedisPooled client() {
        return client;
    }

    /** Stops the server, as if Redis went down; {@link #restart()} brings it back on the same port, empty. */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again after {@link #stop()}. */
    void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server again on port " + port, e);
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
