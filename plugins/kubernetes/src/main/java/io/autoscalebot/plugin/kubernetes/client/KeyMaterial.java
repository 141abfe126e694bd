package io.autoscalebot.plugin.kubernetes.client;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate and its private key, presented in the TLS handshake.
 *
 * @param chain the certificate, then any intermediates
 * @param key the private key; never shown
 */
public record KeyMaterial(List<X509Certificate> chain, PrivateKey key) {

    /** Checks the parts. */
    public KeyMaterial {
        chain = List.copyOf(chain);
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate chain needs at least one certificate");
        }
    }

    /** @return the certificate's subject, such as {@code CN=admin,O=system:masters} */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /** Shows the subject only. */
    @Override
    public String toString() {
        return "KeyMaterial[" + subject() + ", key=" + Redaction.MASK + "]";
    }
}
