package io.autoscalebot.plugin.kubernetes.lease;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names and labels of the ConfigMaps that keep a lease's shared state, one per engine key.
 *
 * <p>A name is {@code LEASE-state-READABLE-HASH}: the readable part is the key in lower case with every run of other
 * characters than letters and digits turned into one {@code -}, cut so the whole stays within the 253 characters of
 * an RFC 1123 subdomain; the hash is 16 hex digits (64 bits) of SHA-256 over the lease's name and the exact key. Keys
 * that read alike ({@code group/Web} and {@code group/web}, or two long keys cut to the same prefix) thus still get
 * different names, and with 10,000 keys the odds that two hashes meet are about 3 in a billion; the ConfigMap also
 * records its exact key, and a read or write that finds another key there fails rather than mixing two groups.
 */
final class StateNames {

    /** The label every state ConfigMap carries, so {@code kubectl get cm -l} finds (and deletes) them. */
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY_VALUE = "autoscalebot";
    /** The label naming the lease (its name, or a cut and hashed form of a name past 63 characters). */
    static final String LEASE_LABEL = "autoscalebot.io/lease";
    /** The annotation with the exact engine key. */
    static final String KEY_ANNOTATION = "autoscalebot.io/state-key";
    /** The annotation with the fencing token of the last write. */
    static final String TOKEN_ANNOTATION = "autoscalebot.io/fencing-token";
    /** The {@code data} entry holding the value. */
    static final String DATA_KEY = "state";

    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL_VALUE = 63;
    private static final int HASH_DIGITS = 16;

    private StateNames() {
    }

    /**
     * @param lease the lease's name (an RFC 1123 subdomain)
     * @param key the engine's key, any text
     * @return the ConfigMap's name: an RFC 1123 subdomain, the same for the same lease and key, different otherwise
     */
    static String configMap(String lease, String key) {
        String hash = hash(lease + '\u0000' + key);
        String readable = trimDashes(lease + "-state-" + readable(key));
        int room = MAX_NAME - 1 - HASH_DIGITS;
        if (readable.length() > room) {
            readable = trimDashes(readable.substring(0, room));
        }
        return readable + "-" + hash;
    }

    /**
     * @param lease the lease's name
     * @return the value of the {@link #LEASE_LABEL} label: the name itself when it fits a label value (63 characters)
     */
    static String leaseLabel(String lease) {
        if (lease.length() <= MAX_LABEL_VALUE) {
            return lease;
        }
        return trimDashes(lease.substring(0, MAX_LABEL_VALUE - 1 - HASH_DIGITS)) + "-" + hash(lease);
    }

    private static String readable(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Names and label values must start and end with a letter or digit; {@code .} and {@code -} may not. */
    private static String trimDashes(String text) {
        return text.replaceAll("^[-.]+|[-.]+$", "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
