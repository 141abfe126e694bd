package io.autoscalebot.plugin.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Certificates and keys made with openssl, in the forms clusters hand out: a CA, client certificates with PKCS#1 RSA,
 * SEC1 EC or PKCS#8 keys, and a server certificate for {@code 127.0.0.1} with a PKCS#12 key store for a test HTTPS
 * server.
 */
public final class TestCertificates {

    /** The password of the server's PKCS#12 key store. */
    public static final String STORE_PASSWORD = "changeit";

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /**
     * Makes a CA in the folder; skips the test when openssl is missing (fails it under {@code CI=true}).
     *
     * @param folder where to write the files
     * @return the CA's maker of certificates
     */
    public static TestCertificates authority(Path folder) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of(
                "/usr/local/bin/openssl"));
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: openssl is needed (apt-get install -y openssl)");
            }
            Assumptions.abort("openssl not found (apt-get install -y openssl)");
        }
        TestCertificates certificates = new TestCertificates(folder);
        certificates.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=test-ca");
        return certificates;
    }

    /** @return the CA certificate (PEM) */
    public Path caCertificate() {
        return folder.resolve("ca.crt");
    }

    /** The forms of private key clusters hand out. */
    public enum KeyForm {
        /** {@code BEGIN RSA PRIVATE KEY}: kubeadm. */
        RSA_PKCS1,
        /** {@code BEGIN EC PRIVATE KEY}: k3s, kind. */
        EC_SEC1,
        /** {@code BEGIN PRIVATE KEY}. */
        PKCS8
    }

    /**
     * A client certificate signed by the CA, as {@code NAME.crt} and {@code NAME.key}.
     *
     * @param name the file names and the certificate's CN
     * @param form the key's form
     * @return the certificate file; the key is beside it
     */
    public Path client(String name, KeyForm form) throws Exception {
        String key = name + ".key";
        switch (form) {
            case RSA_PKCS1:
                openssl("genrsa", "-traditional", "-out", key, "2048");
                break;
            case EC_SEC1:
                openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key);
                break;
            default:
                openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
                break;
        }
        openssl("req", "-new", "-key", key, "-out", name + ".csr", "-subj", "/CN=" + name + "/O=testers");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".crt", "-days", "2");
        return folder.resolve(name + ".crt");
    }

    /** @return a PKCS#12 key store with a certificate for 127.0.0.1 signed by the CA, for a test HTTPS server */
    public Path serverKeyStore() throws Exception {
        Files.writeString(folder.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=127.0.0.1");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
        openssl("pkcs12", "-export", "-in", "server.crt", "-inkey", "server.key", "-out", "server.p12", "-passout",
                "pass:" + STORE_PASSWORD);
        return folder.resolve("server.p12");
    }

    /** @return the file's text */
    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
