package io.autoscalebot.plugin.webhook;

import io.autoscalebot.api.PluginException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where notifications are POSTed. A webhook URL is itself a secret: Slack's, Discord's and Teams' carry their token
 * in the path, others in the query. So the URL is only ever shown as {@link #redacted()}, its scheme and host.
 *
 * @param uri the URL
 * @param written the URL as the user wrote it (after {@code ${ENV}} expansion), which an echo may repeat verbatim
 */
record WebhookUrl(URI uri, String written) {

    private static final int HIGHEST_PORT = 65_535;
    private static final String FORM = "write it like https://hooks.slack.com/services/T000/B000/XXXX";

    /**
     * @param text the value of the {@code url} setting; no message repeats any of it
     * @return the URL
     * @throws PluginException saying what is wrong and how to write it
     */
    static WebhookUrl parse(String text) throws PluginException {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            // The parser's message quotes the input, and the input is a secret.
            throw new PluginException("setting 'url' is not a valid URL; " + FORM
                    + ", percent-encoding spaces and special characters");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            // Not even the scheme is echoed: "TOKEN:..." would parse as one.
            throw new PluginException("setting 'url' must start with https:// (or http://); " + FORM);
        }
        if (uri.getRawUserInfo() != null) {
            throw new PluginException("setting 'url' must not carry a user or password (user:password@host): send "
                    + "credentials in a header instead, like headers = [\"Authorization: Basic ${HOOK_BASIC}\"]");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            if (uri.getRawAuthority() != null && uri.getRawAuthority().contains(":")) {
                throw new PluginException("setting 'url': the port must be a number from 1 to " + HIGHEST_PORT);
            }
            throw new PluginException("setting 'url' has no host name; " + FORM);
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > HIGHEST_PORT)) {
            throw new PluginException("setting 'url': the port must be a number from 1 to " + HIGHEST_PORT
                    + ", got " + uri.getPort());
        }
        if (uri.getRawFragment() != null) {
            throw new PluginException("setting 'url' must not end with a fragment (#...), which is never sent; "
                    + "remove it, or percent-encode a # that belongs to the URL as %23");
        }
        return new WebhookUrl(uri, text);
    }

    /** @return {@code https://hooks.slack.com/****}: scheme, host and port only, the rest masked */
    String redacted() {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        boolean more = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + (more ? "/****" : "");
    }

    /** Never the URL itself: string concatenation and logs must not leak it. */
    @Override
    public String toString() {
        return redacted();
    }

    /**
     * @return every part of the URL a server may echo back that gives its secret away: the whole URL, its path and
     *     query, and each path segment and query value that looks like a token (decoded too)
     */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(written.strip());
        secrets.add(uri.toString());
        String path = uri.getRawPath();
        if (path != null && path.length() > 1) {
            secrets.add(path);
            for (String segment : path.split("/")) {
                addIfTokenLike(secrets, segment);
            }
        }
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            secrets.add(query);
            for (String parameter : query.split("&")) {
                addIfTokenLike(secrets, parameter.substring(parameter.indexOf('=') + 1));
            }
        }
        return secrets;
    }

    /**
     * A segment like {@code services} or {@code webhooks} is not secret; one with a digit or a capital, or a long
     * one, may be a token or an id that leads to it.
     */
    private static void addIfTokenLike(List<String> secrets, String raw) {
        boolean tokenLike = raw.length() >= 20 || raw.length() >= 6 && !raw.chars().allMatch(Character::isLowerCase);
        if (tokenLike) {
            secrets.add(raw);
            try {
                secrets.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // URI already refused broken escapes; nothing more to add.
            }
        }
    }
}
