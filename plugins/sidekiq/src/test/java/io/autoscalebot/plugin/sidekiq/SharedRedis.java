package io.autoscalebot.plugin.sidekiq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.embedded.RedisServer;

/**
 * One real redis-server on a free loopback port for every test class of the module, started by the first class that
 * asks and stopped when the test run ends. Its default user needs no password, like a Redis on a developer's machine;
 * the ACL user {@value #USER} has the password {@value #PASSWORD} for the tests of logins, and arranges data.
 */
final class SharedRedis implements BeforeAllCallback {

    static final String USER = "ops";
    static final String PASSWORD = "s3cr3t+Pa55/w0rd";

    private static Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
    }

    /** @return the running server; only inside a class extended with this */
    static Server server() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedRedis.class)");
        }
        return server;
    }

    /** The server and a client that arranges its data as {@value #USER}, which keeps working whatever tests do. */
    static final class Server implements AutoCloseable {

        private final RedisServer redis;
        private final int port;
        private final JedisPooled client;

        private Server(RedisServer redis, int port) {
            this.redis = redis;
            this.port = port;
            try (JedisPooled setup = new JedisPooled("127.0.0.1", port)) {
                setUser(setup, USER, "on", ">" + PASSWORD, "~*", "&*", "+@all");
            }
            this.client = new JedisPooled(new HostAndPort("127.0.0.1", port),
                    DefaultJedisClientConfig.builder().user(USER).password(PASSWORD).build());
        }

        /** {@code ACL SETUSER user rules...}: gives or takes a user's password, for the tests of logins. */
        void setUser(String user, String... rules) {
            setUser(client, user, rules);
        }

        private static void setUser(JedisPooled redis, String user, String... rules) {
            String[] arguments = new String[rules.length + 2];
            arguments[0] = "SETUSER";
            arguments[1] = user;
            System.arraycopy(rules, 0, arguments, 2, rules.length);
            redis.sendCommand(Protocol.Command.ACL, arguments);
        }

        static Server start() {
            int port = freePort();
            try {
                RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        // No snapshot on shutdown: tests leave no dump.rdb behind.
                        .setting("save \"\"").setting("appendonly no").build();
                redis.start();
                return new Server(redis, port);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start redis-server on port " + port, e);
            }
        }

        int port() {
            return port;
        }

        /** @return {@code redis://127.0.0.1:PORT/DATABASE}, for the default user */
        String url(int database) {
            return "redis://127.0.0.1:" + port + "/" + database;
        }

        /** @return {@code redis://127.0.0.1:PORT/0} */
        String url() {
            return url(0);
        }

        /** @return a client for arranging data; it selects database 0 */
        JedisPooled client() {
            return client;
        }

        @Override
        public void close() throws IOException {
            client.close();
            redis.stop();
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
