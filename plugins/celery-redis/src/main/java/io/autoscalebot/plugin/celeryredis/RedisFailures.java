package io.autoscalebot.plugin.celeryredis;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Turns a failure talking to Redis into a reason a user can act on. Every reason names the broker by its host, port
 * and database ({@link RedisAddress#server()}), never by its URL, and is scrubbed of the password, even where Redis or the JVM echoed it.
 */
final class RedisFailures {

    /** Bounds the walk through causes, which a library could make circular. */
    private static final int MAX_CHAIN = 20;

    private final RedisAddress address;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param address the broker, for the messages
     * @param connectTimeout the configured connect timeout, for the messages
     * @param readTimeout the configured read timeout, for the messages
     */
    RedisFailures(RedisAddress address, Duration connectTimeout, Duration readTimeout) {
        this.address = address;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * @param failure what Jedis threw
     * @return why the measurement failed and what to check
     */
    String describe(RuntimeException failure) {
        String server = "Redis at " + address.server();
        String detail = rootMessage(failure);
        String upper = detail.toUpperCase(java.util.Locale.ROOT);
        String reason;
        // Jedis reports NOAUTH as an access-control failure too, so it is told apart first by Redis's error code.
        if (upper.startsWith("NOAUTH")) {
            reason = server + " requires a password; put it in setting 'url' like redis://:PASSWORD@host:port/db";
        } else if (has(failure, JedisAccessControlException.class) || upper.startsWith("WRONGPASS")) {
            reason = server + " refused the login (" + detail + "); check the user and password in setting 'url'";
        } else if (upper.contains("WITHOUT ANY PASSWORD CONFIGURED")) {
            reason = server + " has no password set, but setting 'url' gives one; remove it from the URL";
        } else if (isTimeout(failure)) {
            reason = server + " did not answer in time (connect_timeout " + connectTimeout.toMillis() + "ms, "
                    + "read_timeout " + readTimeout.toMillis() + "ms); check the network, or raise the timeouts";
        } else if (has(failure, SSLException.class)) {
            reason = "TLS with " + server + " failed (" + detail + "); check that the broker speaks TLS on that port"
                    + " and that its certificate is trusted (a self-signed one needs ?ssl_cert_reqs=none)";
        } else if (has(failure, UnknownHostException.class)) {
            reason = "cannot resolve the host of " + server + " (" + detail + "); check the host name in setting 'url'";
        } else if (has(failure, ConnectException.class) || has(failure, JedisConnectionException.class)) {
            reason = "cannot reach " + server + " (" + detail + "); check that Redis is running and the host and port"
                    + " in setting 'url'";
        } else {
            reason = server + " answered with an error: " + detail;
        }
        return scrub(reason);
    }

    /**
     * @param text a message that may contain text from Redis or the JVM
     * @return the message with the password, should it appear, as {@code ****}
     */
    String scrub(String text) {
        return address.secret().map(secret -> text.replace(secret, "****")).orElse(text);
    }

    /**
     * @param failure what Jedis threw
     * @return whether Redis took longer than a timeout, rather than refusing or dropping the connection
     */
    static boolean isTimeout(Throwable failure) {
        return has(failure, SocketTimeoutException.class);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return chain(failure).stream().anyMatch(type::isInstance);
    }

    /** The innermost message says what really happened ("Connection refused"); Jedis's wrappers only say "failed". */
    private static String rootMessage(Throwable failure) {
        String message = null;
        for (Throwable cause : chain(failure)) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.strip();
    }

    /**
     * @return the failure and its causes, outermost first; where a cause has none, its first suppressed exception
     *     continues the chain, because Jedis attaches the socket's own failure to its "Failed to connect" that way
     */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Throwable current = failure;
        while (current != null && !chain.contains(current) && chain.size() < MAX_CHAIN) {
            chain.add(current);
            Throwable next = current.getCause();
            if (next == null && current.getSuppressed().length > 0) {
                next = current.getSuppressed()[0];
            }
            current = next;
        }
        return chain;
    }
}
