package io.autoscalebot.plugin.celeryredis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real redis-server on a free loopback port, plus a client that writes to it the way Celery's producer does.
 */
final class RedisBroker implements AutoCloseable {

    private final RedisServer server;
    private final int port;
    private final JedisPooled client;

    private RedisBroker(RedisServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.client = new JedisPooled(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().password(password).build());
    }

    /**
     * Starts a broker.
     *
     * @param password the {@code requirepass} password, or {@code null} for none
     * @return the running broker
     */
    static RedisBroker start(String password) {
        int port = freePort();
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    // No snapshot on shutdown: tests leave no dump.rdb behind.
                    .setting("save \"\"").setting("appendonly no");
            if (password != null) {
                builder.setting("requirepass " + password);
            }
            RedisServer server = builder.build();
            server.start();
            return new RedisBroker(server, port, password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on port " + port, e);
        }
    }

    /** @return {@code redis://127.0.0.1:PORT/0} */
    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** @return {@code redis://:PASSWORD@127.0.0.1:PORT/0} */
    String url(String password) {
        return "redis://:" + password + "@127.0.0.1:" + port + "/0";
    }

    /** @return a client for arranging data, authenticated when the broker has a password */
    JedisPooled client() {
        return client;
    }

    /** Stops the server; the client stays open so {@link #close()} can be called after. */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again on the same port, empty: nothing was saved. */
    void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        if (server.isActive()) {
            stop();
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
