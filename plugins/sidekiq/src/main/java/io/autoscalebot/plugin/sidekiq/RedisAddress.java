package io.autoscalebot.plugin.sidekiq;

import io.autoscalebot.api.PluginException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Sidekiq's Redis is and how to log in, parsed from a {@code REDIS_URL} such as
 * {@code rediss://user:password@host:6380/2}.
 *
 * <p>{@link #toString()} and {@link #redacted()} never show the credentials, so an address can go into any message.
 *
 * @param tls whether to connect with TLS ({@code rediss://})
 * @param host the host name or address, without IPv6 brackets
 * @param port the TCP port
 * @param user the ACL user, or {@code null} for Redis's default user
 * @param password the password, or {@code null} for none
 * @param database the logical database number
 */
record RedisAddress(boolean tls, String host, int port, String user, String password, int database) {

    static final int DEFAULT_PORT = 6379;
    private static final int HIGHEST_PORT = 65_535;

    private static final String FORM =
            "write it like redis://:PASSWORD@host:6379/0 or rediss://USER:PASSWORD@host:6380/0";

    /**
     * Parses a Redis URL the way Sidekiq (redis-client) reads {@code REDIS_URL}.
     *
     * @param url the value of the {@code url} setting; may hold a password, so no message repeats any of it
     * @return the address
     * @throws PluginException saying what is wrong with the URL and how to write it
     */
    static RedisAddress parse(String url) throws PluginException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // The parser's own message quotes the input, password included, so it is not passed on.
            throw new PluginException("setting 'url' is not a valid URL; " + FORM
                    + ", percent-encoding special characters in the password (@ as %40, / as %2F, # as %23, % as %25)");
        }
        boolean tls = tlsFor(uri.getScheme());
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // Only say that there is one: a query could be ?password=... .
            throw new PluginException("setting 'url' must not have a query (?...) or fragment (#...); " + FORM
                    + " (a # in the password must be percent-encoded as %23)");
        }
        String host = hostOf(uri);
        String[] credentials = credentialsOf(uri.getRawUserInfo());
        return new RedisAddress(tls, host, portOf(uri), credentials[0], credentials[1], databaseOf(uri.getRawPath()));
    }

    /** @return the URL with any credentials as {@code ****}: {@code redis://****@host:6379/0} */
    String redacted() {
        boolean ipv6 = host.indexOf(':') >= 0;
        return (tls ? "rediss" : "redis") + "://" + (hasCredentials() ? "****@" : "")
                + (ipv6 ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    /** @return whether the URL carried a user or a password */
    boolean hasCredentials() {
        return user != null || password != null;
    }

    /** @return the password, if any, so that messages from Redis can be scrubbed of it */
    Optional<String> secret() {
        return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }

    /** Shows the redacted URL: an address must never leak its password through string concatenation or a log. */
    @Override
    public String toString() {
        return redacted();
    }

    private static boolean tlsFor(String scheme) throws PluginException {
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "redis":
                return false;
            case "rediss":
                return true;
            case "unix":
                throw new PluginException("setting 'url': Unix socket URLs are not supported; connect over TCP, "
                        + FORM);
            default:
                throw new PluginException("setting 'url' must start with redis:// or rediss:// (TLS)"
                        + (lower.isEmpty() ? "" : ", got " + lower + "://") + "; " + FORM);
        }
    }

    private static String hostOf(URI uri) throws PluginException {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            if (uri.getRawAuthority() != null && hasBadPort(uri.getRawAuthority())) {
                throw new PluginException("setting 'url': the port must be a number from 1 to " + HIGHEST_PORT
                        + ", like redis://host:6379/0");
            }
            throw new PluginException("setting 'url' has no host name; " + FORM
                    + " (an @ or / in the password must be percent-encoded as %40 or %2F)");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@link URI} gives no host for {@code host:notaport}; tells that case apart from a missing host. */
    private static boolean hasBadPort(String rawAuthority) {
        String hostPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return false;
        }
        String port = hostPort.substring(colon + 1);
        return port.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.length() > 5;
    }

    private static int portOf(URI uri) throws PluginException {
        int port = uri.getPort();
        if (port == -1) {
            return DEFAULT_PORT;
        }
        if (port < 1 || port > HIGHEST_PORT) {
            throw new PluginException("setting 'url': the port must be a number from 1 to " + HIGHEST_PORT
                    + ", got " + port);
        }
        return port;
    }

    /** Splits {@code user:password}, {@code :password} or {@code user}, as redis-client does. */
    private static String[] credentialsOf(String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = rawUserInfo.indexOf(':');
        if (colon < 0) {
            // redis-client reads a lone user-info as the password of the default user.
            return new String[] {null, decode(rawUserInfo)};
        }
        String user = rawUserInfo.substring(0, colon);
        return new String[] {user.isEmpty() ? null : decode(user), decode(rawUserInfo.substring(colon + 1))};
    }

    /**
     * Decodes as redis-client does ({@code URI.decode_www_form_component}): percent escapes, and a plus sign as a
     * space, so a password means here what it means to Sidekiq.
     */
    private static String decode(String raw) {
        // URI has already refused a % that starts no escape, so this cannot fail.
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static int databaseOf(String rawPath) throws PluginException {
        String path = rawPath == null ? "" : rawPath;
        String number = path.startsWith("/") ? path.substring(1) : path;
        if (number.isEmpty()) {
            return 0;
        }
        if (number.length() <= 9 && number.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(number);
        }
        throw new PluginException("setting 'url': the database after the port must be a number like /0, got /"
                + number + "; " + FORM);
    }
}
