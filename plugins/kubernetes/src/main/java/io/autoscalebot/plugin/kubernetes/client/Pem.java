package io.autoscalebot.plugin.kubernetes.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files a kubeconfig points at: certificates, and private keys in the three forms clusters hand out
 * ({@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} (PKCS#1, kubeadm) and {@code EC PRIVATE KEY} (SEC1, k3s, kind)).
 * The JDK reads only PKCS#8, so the other two are wrapped into it first.
 *
 * <p>Messages never quote the PEM text: a key is a secret.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** 1.2.840.113549.1.1.1, rsaEncryption. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01};
    /** 1.2.840.10045.2.1, id-ecPublicKey. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /**
     * @param pem one or more PEM certificates
     * @param what where they come from, for messages: {@code certificate-authority of cluster 'kind'}
     * @return the certificates, at least one
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<X509Certificate> certificates(byte[] pem, String what) {
        if (!new String(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException(what + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(what + " holds no PEM certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(what + " is not a valid PEM certificate (" + e.getMessage() + ")");
        }
    }

    /**
     * @param pem a PEM private key, possibly after other blocks ({@code EC PARAMETERS})
     * @param what where it comes from, for messages: {@code client-key of user 'admin'}
     * @return the key
     * @throws IllegalArgumentException saying what is wrong, never quoting the key
     */
    public static PrivateKey privateKey(byte[] pem, String what) {
        Matcher block = BLOCK.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (block.find()) {
            String type = block.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": the " + type + " block is not valid base64");
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, what);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrap(sequence(RSA_OID, new byte[] {0x05, 0x00}), der), what);
                case "EC PRIVATE KEY":
                    return pkcs8(wrap(sequence(EC_OID, curveOf(der, what)), der), what);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException(what + " is encrypted; give the key unencrypted (openssl pkey"
                            + " -in KEY -out KEY.plain) and protect the file instead");
                default:
                    throw new IllegalArgumentException(what + ": unsupported key type " + type + "; use a PKCS#8"
                            + " (PRIVATE KEY), RSA or EC key");
            }
        }
        throw new IllegalArgumentException(what + " holds no PEM private key (-----BEGIN ... PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der, String what) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(what + " is not an RSA, EC or Ed25519 private key the JDK can read");
    }

    /** PrivateKeyInfo: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    /**
     * The named curve of a SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING, [0] OBJECT IDENTIFIER, [1] BIT
     * STRING }, returned as the whole OID element.
     */
    private static byte[] curveOf(byte[] sec1, String what) {
        try {
            Der outer = new Der(sec1, 0);
            Der field = outer.firstChild();
            while (field != null) {
                if (field.tag == (byte) 0xa0) {
                    Der oid = field.firstChild();
                    if (oid != null && oid.tag == 0x06) {
                        return oid.element();
                    }
                }
                field = field.next(outer);
            }
        } catch (IndexOutOfBoundsException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(what + ": the EC PRIVATE KEY names no curve; convert it to PKCS#8 with"
                + " `openssl pkcs8 -topk8 -nocrypt`");
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** One DER element inside a buffer: just enough reading to find a SEC1 key's curve. */
    private static final class Der {
        private final byte[] buffer;
        private final int start;
        private final byte tag;
        private final int contentStart;
        private final int contentLength;

        Der(byte[] buffer, int start) {
            this.buffer = buffer;
            this.start = start;
            this.tag = buffer[start];
            int first = buffer[start + 1] & 0xff;
            if (first < 0x80) {
                contentStart = start + 2;
                contentLength = first;
            } else {
                int bytes = first & 0x7f;
                int length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (buffer[start + 2 + i] & 0xff);
                }
                contentStart = start + 2 + bytes;
                contentLength = length;
            }
            if (contentStart + contentLength > buffer.length) {
                throw new IndexOutOfBoundsException("DER element runs past the end");
            }
        }

        Der firstChild() {
            return contentLength == 0 ? null : new Der(buffer, contentStart);
        }

        Der next(Der parent) {
            int after = contentStart + contentLength;
            return after >= parent.contentStart + parent.contentLength ? null : new Der(buffer, after);
        }

        byte[] element() {
            byte[] copy = new byte[contentStart + contentLength - start];
            System.arraycopy(buffer, start, copy, 0, copy.length);
            return copy;
        }
    }
}
