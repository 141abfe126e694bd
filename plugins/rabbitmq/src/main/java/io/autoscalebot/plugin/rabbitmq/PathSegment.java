package io.autoscalebot.plugin.rabbitmq;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a name as one segment of a URL path (RFC 3986 section 2): a vhost named {@code /} becomes
 * {@code %2F}, a space {@code %20}. {@link java.net.URLEncoder} is for forms, where a space is {@code +}, which a path
 * keeps as a plus sign.
 */
final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    /**
     * @param name a vhost or queue name as users write it
     * @return the name with every byte but the unreserved characters escaped
     */
    static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }
}
