package io.autoscalebot.probe;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The little JSON this module writes, by hand: it must not depend on a JSON library, because it goes into users' apps
 * next to whichever one (or none) they already use. Only writing, only strings and numbers; tested on its own.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * @param text any string
     * @return it as a JSON string literal, quotes included (RFC 8259 section 7): quote, backslash and control characters
     *     escaped, and U+2028/U+2029 too, so the answer is also safe to paste into JavaScript
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * @param millis a duration in milliseconds, finite
     * @return it rounded to microseconds, in plain notation (JSON has no NaN, and some readers choke on exponents):
     *     {@code 12.345}, {@code 0}, {@code 2000}
     */
    static String millis(double millis) {
        if (!Double.isFinite(millis)) {
            throw new IllegalArgumentException("not a finite number of milliseconds: " + millis);
        }
        BigDecimal rounded = BigDecimal.valueOf(millis).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
