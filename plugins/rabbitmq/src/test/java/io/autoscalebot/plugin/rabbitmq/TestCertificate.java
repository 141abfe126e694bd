package io.autoscalebot.plugin.rabbitmq;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1, made with the running JDK's keytool and written as the PEM files RabbitMQ's
 * TLS listener reads; the certificate is also the CA file a client trusts it by.
 *
 * @param certificateFile the certificate, PEM
 * @param keyFile its private key, PKCS#8 PEM
 */
record TestCertificate(Path certificateFile, Path keyFile) {

    private static final String ALIAS = "broker";
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();

    /** @return where {@link #create} writes the certificate in a folder */
    static Path certificateFile(Path folder) {
        return folder.resolve("broker.crt");
    }

    /**
     * @param folder where to write the files
     * @return the files
     */
    static TestCertificate create(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path store = folder.resolve("broker.p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "7", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).redirectOutput(folder.resolve("keytool.log").toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool failed: " + Files.readString(folder.resolve("keytool.log")));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        Key key = keys.getKey(ALIAS, STORE_PASSWORD);
        TestCertificate files = new TestCertificate(certificateFile(folder), folder.resolve("broker.key"));
        Files.writeString(files.certificateFile(), pem("CERTIFICATE", keys.getCertificate(ALIAS).getEncoded()));
        Files.writeString(files.keyFile(), pem("PRIVATE KEY", key.getEncoded()));
        return files;
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
