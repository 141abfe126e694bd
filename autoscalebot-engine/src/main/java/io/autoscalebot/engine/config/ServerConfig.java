package io.autoscalebot.engine.config;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [server]} section: where the status server listens and the bearer token it asks for.
 *
 * @param host the address to bind, an IP literal ({@code localhost} is read as 127.0.0.1)
 * @param port the port; 0 picks a free one (tests)
 * @param token the bearer token every request must carry, read from the environment; required when bound beyond
 *     loopback, optional on loopback. A secret: it is never written anywhere
 */
public record ServerConfig(InetAddress host, int port, Optional<String> token) {

    /** Checks the parts. */
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!host.isLoopbackAddress() && token.isEmpty()) {
            throw new IllegalArgumentException("a server bound beyond loopback needs a token");
        }
    }

    /** @return {@code 127.0.0.1:9090}, for messages */
    public String listen() {
        String address = host.getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ServerConfig[" + listen() + (token.isPresent() ? ", token set" : "") + "]";
    }
}
