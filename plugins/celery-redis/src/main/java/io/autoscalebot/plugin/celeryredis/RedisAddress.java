package io.autoscalebot.plugin.celeryredis;

import io.autoscalebot.api.PluginException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the Redis broker is and how to log in, parsed from a Celery broker URL such as
 * {@code rediss://user:password@host:6380/2}.
 *
 * <p>{@link #toString()} and {@link #redacted()} never show the credentials, so an address can go into any message.
 *
 * @param tls whether to connect with TLS ({@code rediss://})
 * @param verifyCertificate whether the server's certificate and host name are checked; false only when the URL says
 *     {@code ssl_cert_reqs=none}, as Celery allows for self-signed brokers
 * @param host the host name or address, without IPv6 brackets
 * @param port the TCP port
 * @param user the ACL user, or {@code null} for Redis's default user
 * @param password the password, or {@code null} for none
 * @param database the logical database number
 */
record RedisAddress(boolean tls, boolean verifyCertificate, String host, int port, String user, String password,
                    int database) {

    static final int DEFAULT_PORT = 6379;

    private static final String FORM = "write it like redis://:PASSWORD@host:6379/0 or rediss://USER:PASSWORD@host:6380/0";

    /**
     * Parses a broker URL the way Celery and redis-py read it.
     *
     * @param url the value of the {@code url} setting; may hold a password, so no message repeats it
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
                    + ", percent-encoding special characters in the password (@ as %40, / as %2F, # as %23)");
        }
        boolean tls = tlsFor(uri.getScheme());
        String host = hostOf(uri);
        String[] credentials = credentialsOf(uri.getRawUserInfo());
        return new RedisAddress(tls, verifiesCertificate(uri.getRawQuery(), tls), host,
                uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), credentials[0], credentials[1],
                databaseOf(uri.getRawPath()));
    }

    /** @return the URL with any credentials as {@code ****}: {@code redis://****@host:6379/0} */
    String redacted() {
        boolean ipv6 = host.indexOf(':') >= 0;
        return (tls ? "rediss" : "redis") + "://" + (hasCredentials() ? "****@" : "")
                + (ipv6 ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    /**
     * @return where the broker is, for messages: {@code 10.0.0.5:6380/2}, {@code cache:6380/0 over TLS}. Not the URL:
     *     the engine masks the whole value of setting 'url' (a secret) wherever it appears, so a message quoting a
     *     URL without a password would show only {@code ****}, hiding the host and port the user is told to check
     */
    String server() {
        boolean ipv6 = host.indexOf(':') >= 0;
        return (ipv6 ? "[" + host + "]" : host) + ":" + port + "/" + database + (tls ? " over TLS" : "");
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
            case "redis+socket":
                throw new PluginException("setting 'url': Unix socket URLs are not supported; connect over TCP, " + FORM);
            case "sentinel":
                throw new PluginException("setting 'url': Redis Sentinel URLs are not supported; give the master's "
                        + "address instead, " + FORM);
            default:
                throw new PluginException("setting 'url' must start with redis:// or rediss:// (TLS)"
                        + (lower.isEmpty() ? "" : ", got " + lower + "://") + "; " + FORM);
        }
    }

    private static String hostOf(URI uri) throws PluginException {
        String host = uri.getHost();
        String port = portWritten(uri.getRawAuthority());
        if ((host == null || host.isEmpty()) && port != null && !port.matches("\\d+")) {
            // The URI parser gives up on the whole authority for a bad port and reports no host; say what is wrong.
            throw new PluginException("setting 'url': the port after the host must be a number like 6379, got '"
                    + port + "'; " + FORM);
        }
        if (host == null || host.isEmpty()) {
            throw new PluginException("setting 'url' has no host name; " + FORM
                    + " (an @ or / in the password must be percent-encoded as %40 or %2F)");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * @return the text after the last colon of the host part (after any credentials), or null when there is none; an
     *     IPv6 address in brackets has its own colons, which are not a port's
     */
    private static String portWritten(String rawAuthority) {
        if (rawAuthority == null) {
            return null;
        }
        String hostAndPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 || hostAndPort.endsWith("]") ? null : hostAndPort.substring(colon + 1);
    }

    /** Splits {@code user:password}, {@code :password} or {@code user}, as redis-py does. */
    private static String[] credentialsOf(String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = rawUserInfo.indexOf(':');
        if (colon < 0) {
            return new String[] {decode(rawUserInfo), null};
        }
        String user = rawUserInfo.substring(0, colon);
        return new String[] {user.isEmpty() ? null : decode(user), decode(rawUserInfo.substring(colon + 1))};
    }

    /** Percent-decodes like Python's {@code unquote}: a plus sign stays a plus sign. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int databaseOf(String rawPath) throws PluginException {
        String path = rawPath == null ? "" : rawPath;
        String number = path.startsWith("/") ? path.substring(1) : path;
        if (number.isEmpty()) {
            return 0;
        }
        try {
            int database = Integer.parseInt(number);
            if (database >= 0) {
                return database;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PluginException("setting 'url': the database after the port must be a number like /0, got /"
                + number + "; " + FORM);
    }

    /** Reads Celery's {@code ssl_cert_reqs} parameter; any other parameter is refused rather than silently ignored. */
    private static boolean verifiesCertificate(String rawQuery, boolean tls) throws PluginException {
        boolean verify = true;
        if (rawQuery == null || rawQuery.isEmpty()) {
            return verify;
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1)).toLowerCase(Locale.ROOT);
            if (!name.equals("ssl_cert_reqs")) {
                // Only the name is echoed: a value may be a password (redis-py accepts ?password=...).
                throw new PluginException("setting 'url': query parameter '" + name + "' is not supported; only "
                        + "ssl_cert_reqs (required or none) is, for rediss:// URLs");
            }
            if (!tls) {
                throw new PluginException("setting 'url': ssl_cert_reqs only applies to rediss:// (TLS) URLs");
            }
            verify = certificateRequired(value);
        }
        return verify;
    }

    private static boolean certificateRequired(String value) throws PluginException {
        switch (value) {
            case "required":
            case "cert_required":
            case "optional":
            case "cert_optional":
                // Like Python's ssl module, a client treats "optional" as "required".
                return true;
            case "none":
            case "cert_none":
                return false;
            default:
                throw new PluginException("setting 'url': ssl_cert_reqs must be required or none, got '" + value + "'");
        }
    }
}
