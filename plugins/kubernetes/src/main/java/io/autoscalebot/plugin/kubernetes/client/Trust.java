package io.autoscalebot.plugin.kubernetes.client;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Which server certificates a connection accepts.
 *
 * @param authorities the CA certificates to trust; empty for the JDK's default trust store
 * @param insecure whether to accept any certificate for any name ({@code insecure-skip-tls-verify: true})
 */
public record Trust(List<X509Certificate> authorities, boolean insecure) {

    /** Checks the parts. */
    public Trust {
        authorities = List.copyOf(authorities);
        if (insecure && !authorities.isEmpty()) {
            throw new IllegalArgumentException("a connection either checks the server's certificate or skips it");
        }
    }

    /** @return the JDK's default trust store, as for a cluster with a publicly signed certificate */
    public static Trust system() {
        return new Trust(List.of(), false);
    }

    /** @return no checks at all */
    public static Trust skipVerification() {
        return new Trust(List.of(), true);
    }
}
