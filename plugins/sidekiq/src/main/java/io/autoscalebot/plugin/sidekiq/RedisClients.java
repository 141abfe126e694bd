package io.autoscalebot.plugin.sidekiq;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Opens the connection pool a measure reads Sidekiq's Redis through. */
final class RedisClients {

    /** One measure reads at a time; a second connection only covers a broken one being replaced. */
    private static final int POOL_SIZE = 2;

    private RedisClients() {
    }

    /**
     * Creates a pool; it connects lazily, so an unreachable Redis shows up as a failed measurement, not here.
     *
     * @param config the measure's configuration
     * @return the pool, to close when done
     */
    static JedisPooled open(SidekiqConfig config) {
        RedisAddress address = config.address();
        int timeoutMillis = (int) config.timeout().toMillis();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .user(address.user())
                .password(address.password())
                .database(address.database())
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("autoscalebot-sidekiq")
                // CLIENT SETINFO only exists from Redis 7.2; older servers would answer each connection with an error.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .ssl(address.tls());
        if (address.tls()) {
            SSLParameters parameters = new SSLParameters();
            if (config.verifyCertificate()) {
                // Jedis checks no host name by default; a verified connection must, as Ruby's OpenSSL does.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            } else {
                client.sslSocketFactory(trustingEverything());
            }
            client.sslParameters(parameters);
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMinIdle(0);
        pool.setMaxWait(config.timeout());
        // Several groups may each hold a pool; MBeans named after pools would only collide and add noise.
        pool.setJmxEnabled(false);
        return new JedisPooled(new HostAndPort(address.host(), address.port()), client.build(), pool);
    }

    /** For {@code verify_certificate = false}: the user asked to accept a self-signed certificate. */
    private static SSLSocketFactory trustingEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptingTrustManager()}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS: " + e.getMessage(), e);
        }
    }

    /** Accepts any server certificate; used only when the user turned verification off. */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
