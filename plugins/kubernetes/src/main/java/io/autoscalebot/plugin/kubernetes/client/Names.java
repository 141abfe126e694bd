package io.autoscalebot.plugin.kubernetes.client;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for names, checked before anything is sent so a typo is reported by {@code config validate}
 * rather than as a 404 or 422 at the first tick.
 */
public final class Names {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    /**
     * An RFC 1123 label: namespaces, resource names in URLs.
     *
     * @param value the name
     * @return why it is not one, if it is not
     */
    public static Optional<String> dnsLabel(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (value.length() > 63) {
            return Optional.of("is longer than 63 characters");
        }
        if (!LABEL.matcher(value).matches()) {
            return Optional.of("must be lower case letters, digits and '-', starting and ending with a letter or"
                    + " digit (an RFC 1123 label, like my-app)");
        }
        return Optional.empty();
    }

    /**
     * An RFC 1123 subdomain: most object names (Deployments, StatefulSets, Leases) and API groups.
     *
     * @param value the name
     * @return why it is not one, if it is not
     */
    public static Optional<String> dnsSubdomain(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (value.length() > 253) {
            return Optional.of("is longer than 253 characters");
        }
        if (!SUBDOMAIN.matcher(value).matches()) {
            return Optional.of("must be lower case letters, digits, '-' and '.', starting and ending with a letter"
                    + " or digit (an RFC 1123 subdomain, like web or web.v2)");
        }
        return Optional.empty();
    }
}
