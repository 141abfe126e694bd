package io.autoscalebot.plugin.prometheus;

import io.autoscalebot.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities of setting {@code ca_file}: a Prometheus whose certificate an in-house CA signed is trusted
 * without changing the whole JVM's trust store.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * Reads the file; used both to check the setting before start and to build the TLS context.
     *
     * @param file a PEM file with one or more certificates
     * @return the certificates
     * @throws PluginException saying why the file cannot be used
     */
    static Collection<? extends Certificate> read(Path file) throws PluginException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new PluginException("setting 'ca_file': " + file + " holds no certificate; give a PEM file "
                        + "with -----BEGIN CERTIFICATE----- blocks");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new PluginException("setting 'ca_file': " + file + " does not exist", e);
        } catch (IOException e) {
            throw new PluginException("setting 'ca_file': cannot read " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new PluginException("setting 'ca_file': " + file + " is not a PEM certificate file ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * @param file a PEM file with one or more certificates
     * @return a TLS context trusting exactly those certificates
     * @throws PluginException saying why the file cannot be used
     */
    static SSLContext context(Path file) throws PluginException {
        Collection<? extends Certificate> certificates = read(file);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new PluginException("setting 'ca_file': cannot trust the certificates of " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
