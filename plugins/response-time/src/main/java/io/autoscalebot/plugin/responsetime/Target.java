package io.autoscalebot.plugin.responsetime;

import io.autoscalebot.api.PluginException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL to time, split into what is requested, what people may see, and the credentials, which they may not.
 *
 * @param request the URL without credentials, as requested
 * @param shown the URL as messages show it: no credentials, no query (a query often carries a token)
 * @param authorization the {@code Authorization} header value for credentials in the URL, if any
 */
record Target(URI request, String shown, Optional<String> authorization) {

    /**
     * @param url the configured URL
     * @return the target
     * @throws PluginException if the URL is not http or https, or has no host
     */
    static Target of(URI url) throws PluginException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new PluginException("url must be an http or https URL, got one starting with '" + scheme
                    + ":'; write it like https://myapp.example.com/health");
        }
        if (url.getHost() == null) {
            throw new PluginException("url (" + scheme + ") has no host name; write it like "
                    + "https://myapp.example.com/health");
        }
        String shown = withoutSecrets(url);
        // Rebuilt from the raw, still-encoded parts: decoding would turn an escaped '/' or '&' into a real one and
        // request another resource than the one configured.
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        try {
            URI request = new URI(shown + query);
            return new Target(request, shown, Optional.ofNullable(url.getUserInfo()).map(Target::basic));
        } catch (URISyntaxException e) {
            throw new PluginException("url " + shown + " is not a valid URL: " + e.getReason(), e);
        }
    }

    /** @return scheme, host, port and raw path: the URL without its credentials, query and fragment */
    private static String withoutSecrets(URI url) {
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    /** The generated form would print the Basic credentials, which are only base64 of user:password. */
    @Override
    public String toString() {
        return "Target[request=" + shown + ", authorization=" + authorization.map(value -> "****").orElse("none") + "]";
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
