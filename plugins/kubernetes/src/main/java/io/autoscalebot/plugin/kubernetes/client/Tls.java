package io.autoscalebot.plugin.kubernetes.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the TLS context of a connection to the API server: the server certificates it trusts, and a client
 * certificate that can change while it is in use (a credential command may hand out a new one when the old expires).
 */
final class Tls {

    private Tls() {
    }

    /**
     * @param trust which server certificates to accept
     * @param keys the client certificate to present, read at each handshake
     * @return the context
     * @throws GeneralSecurityException if the JDK cannot build it
     */
    static SSLContext context(Trust trust, ClientKeys keys) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new javax.net.ssl.KeyManager[] {keys}, trustManagers(trust), null);
        return context;
    }

    private static TrustManager[] trustManagers(Trust trust) throws GeneralSecurityException {
        if (trust.insecure()) {
            return new TrustManager[] {new AnyCertificate()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trust.authorities().isEmpty()) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("cannot create an empty key store", e);
            }
            int i = 0;
            for (X509Certificate authority : trust.authorities()) {
                store.setCertificateEntry("ca-" + i++, authority);
            }
            factory.init(store);
        }
        // The factory's manager checks the server's name too (the HTTP client asks for HTTPS endpoint identification).
        return factory.getTrustManagers();
    }

    /** The client certificate of the moment, or none. */
    static final class ClientKeys extends X509ExtendedKeyManager {

        private static final String ALIAS = "client";

        private volatile KeyMaterial current;

        /** @param material the certificate to present from now on, or null for none */
        void use(KeyMaterial material) {
            current = material;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return current == null ? null : ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return current == null ? null : ALIAS;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            KeyMaterial material = current;
            return material == null ? null : material.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            KeyMaterial material = current;
            return material == null ? null : material.key();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return current == null ? null : new String[] {ALIAS};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /**
     * {@code insecure-skip-tls-verify}: accepts any certificate for any name. An {@link X509ExtendedTrustManager} is
     * where the JDK checks the name, so this one skips that too, for this connection only.
     */
    private static final class AnyCertificate extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
