package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.SettingType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code [server]} section. Anything that would let the status server answer beyond this host
 * without a token is a configuration error, so a typo cannot publish the status of every group.
 */
final class ServerReader {

    static final String DEFAULT_LISTEN = "127.0.0.1:9090";
    private static final List<String> KEYS = List.of("listen", "token");
    /** {@code host:port} or {@code [ipv6]:port}. */
    private static final Pattern LISTEN = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^:\\[\\]]+)):([0-9]{1,5})");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ServerReader() {
    }

    /** @return the server's settings, or empty when there is no {@code [server]} or it is wrong (errors recorded) */
    static Optional<ServerConfig> read(TomlTable root, Set<String> secrets) {
        Optional<TomlTable> found = root.table("server", "[server] with listen = \"" + DEFAULT_LISTEN + "\"");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TomlTable table = found.get();
        table.rejectUnknownKeys(KEYS);
        String listen = table.typed("listen", SettingType.STRING).map(String.class::cast).orElse(DEFAULT_LISTEN);
        Optional<String> token = token(table, secrets);
        Matcher parts = LISTEN.matcher(listen.strip());
        if (!parts.matches()) {
            table.error("listen", "listen = \"" + listen + "\" is not HOST:PORT: write it like \"" + DEFAULT_LISTEN
                    + "\", or \"0.0.0.0:9090\" with a token to listen on every interface");
            return Optional.empty();
        }
        String host = parts.group(1) != null ? parts.group(1) : parts.group(2);
        int port = Integer.parseInt(parts.group(3));
        if (port > 65535) {
            table.error("listen", "listen: port " + port + " is out of range: use 1 to 65535 (0 picks a free one)");
            return Optional.empty();
        }
        Optional<InetAddress> address = address(host);
        if (address.isEmpty()) {
            table.error("listen", "listen: '" + host + "' is not an IP address: use 127.0.0.1 (this host only), the"
                    + " address of one interface, or 0.0.0.0 (every interface, with a token)");
            return Optional.empty();
        }
        if (!address.get().isLoopbackAddress() && token.isEmpty() && !table.has("token")) {
            table.error("listen", "listen = \"" + listen + "\" reaches beyond this host, so the server needs a"
                    + " bearer token: add token = \"${AUTOSCALEBOT_TOKEN}\" to [server] and set that variable");
            return Optional.empty();
        }
        return token.isEmpty() && table.has("token") ? Optional.empty()
                : Optional.of(new ServerConfig(address.get(), port, token));
    }

    /** The token must come from the environment, so it is not written in a file that is shared or committed. */
    private static Optional<String> token(TomlTable table, Set<String> secrets) {
        if (!table.has("token")) {
            return Optional.empty();
        }
        Object raw = table.raw("token");
        if (!(raw instanceof String) || !EnvInterpolator.refersToVariable((String) raw)) {
            table.error("token", "token must be read from the environment, like token = \"${AUTOSCALEBOT_TOKEN}\","
                    + " so it is not written in the file");
            return Optional.empty();
        }
        Optional<String> token = table.typed("token", SettingType.STRING).map(String.class::cast);
        token.ifPresent(secrets::add);
        if (token.isPresent() && token.get().isBlank()) {
            table.error("token", "token is empty: set " + raw + " to a long random value, like the output of"
                    + " `openssl rand -hex 32`");
            return Optional.empty();
        }
        return token;
    }

    /** An IP literal or {@code localhost}; never a DNS lookup, so what is bound does not depend on a resolver. */
    private static Optional<InetAddress> address(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return Optional.of(InetAddress.getLoopbackAddress());
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
