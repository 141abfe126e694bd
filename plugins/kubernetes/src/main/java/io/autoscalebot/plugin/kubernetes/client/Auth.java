package io.autoscalebot.plugin.kubernetes.client;

import java.util.Optional;

/**
 * What one request authenticates with: a bearer token, a client certificate, both or neither.
 *
 * @param bearerToken the token for the {@code Authorization} header, or null; never shown
 * @param certificate the client certificate for the TLS handshake, or null
 */
public record Auth(String bearerToken, KeyMaterial certificate) {

    /** No credentials: the server sees {@code system:anonymous}. */
    public static final Auth NONE = new Auth(null, null);

    /** @return the token, if there is one */
    public Optional<String> token() {
        return Optional.ofNullable(bearerToken);
    }

    /** @return the client certificate, if there is one */
    public Optional<KeyMaterial> clientCertificate() {
        return Optional.ofNullable(certificate);
    }

    /** Shows what kind of credentials, never their value. */
    @Override
    public String toString() {
        return "Auth[token=" + (bearerToken == null ? "none" : Redaction.MASK) + ", certificate="
                + (certificate == null ? "none" : certificate.subject()) + "]";
    }
}
