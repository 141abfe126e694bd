package io.autoscalebot.engine.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line of text decoded the way a server may have encoded a secret in it (JSON string escapes, percent-encoding,
 * Base64), remembering for every decoded character which characters of the line it came from. The {@link Redactor}
 * looks for secrets in each of these views and masks the original characters, so one plain pattern per secret finds
 * it in any mixture of escapes (backslash-u0041 or {@code A}, {@code %2f} or {@code %2F}), which a list of encoded
 * patterns could never cover.
 */
final class DecodedText {

    /**
     * The shortest run of Base64 characters worth decoding: 11 hold the 8 bytes of the shortest secret looked for inside
     * Base64 text ({@link Redactor#SHORTEST_MASKED_INSIDE_WORDS}); ordinary words are shorter and are skipped.
     */
    private static final int SHORTEST_BASE64 = 11;
    /** Between two decoded Base64 runs, so no secret is found across them. */
    private static final char SEPARATOR = '\0';

    /** The line itself, for the first view; null for the decoded ones. */
    private final String line;
    /** The decoded characters, {@code size} of them; null for the line itself. */
    private char[] chars;
    private int size;
    /** Whether this is the Base64 view, where short runs of decoded bytes are noise that may look like anything. */
    private boolean base64;
    /**
     * For each decoded character, the first and one past the last character of the line it came from; null for the
     * line itself, where character i comes from i.
     */
    private int[] from;
    private int[] to;

    private DecodedText(int capacity) {
        line = null;
        chars = new char[capacity];
        from = new int[capacity];
        to = new int[capacity];
    }

    private DecodedText(String line) {
        this.line = line;
    }

    /** @return every view worth searching: the line itself, and each decoding that would change it */
    static List<DecodedText> views(String line) {
        List<DecodedText> views = new ArrayList<>(5);
        DecodedText raw = new DecodedText(line);
        views.add(raw);
        boolean escaped = line.indexOf('\\') >= 0;
        boolean percent = line.indexOf('%') >= 0 || line.indexOf('+') >= 0;
        DecodedText json = escaped ? raw.json() : null;
        if (json != null) {
            views.add(json);
        }
        if (percent) {
            views.add(raw.percent());
        }
        if (json != null && percent) {
            views.add(json.percent());
        }
        DecodedText base64 = raw.base64();
        if (base64.length() > 0) {
            views.add(base64);
        }
        return views;
    }

    /**
     * @return whether this is the Base64 view: every word of letters decodes to some bytes there, so a short secret
     *     would be found by chance; only long ones are looked for in it
     */
    boolean isBase64() {
        return base64;
    }

    int length() {
        return line != null ? line.length() : size;
    }

    char charAt(int index) {
        return line != null ? line.charAt(index) : chars[index];
    }

    /** @return the first character of the line that decoded character {@code index} came from */
    int from(int index) {
        return from == null ? index : from[index];
    }

    /** @return one past the last character of the line that decoded character {@code index} came from */
    int to(int index) {
        return to == null ? index + 1 : to[index];
    }

    @Override
    public String toString() {
        return line != null ? line : new String(chars, 0, size);
    }

    /** Resolves JSON string escapes: {@code \\ \" \/ \b \f \n \r \t}, and backslash-u with four hex digits. */
    DecodedText json() {
        DecodedText out = new DecodedText(length());
        int i = 0;
        while (i < length()) {
            char c = charAt(i);
            if (c == '\\' && i + 1 < length()) {
                char next = charAt(i + 1);
                int code = next == 'u' ? hex(i + 2, 4) : -1;
                char single = simpleEscape(next);
                if (code >= 0) {
                    out.add((char) code, from(i), to(i + 5));
                    i += 6;
                    continue;
                }
                if (single != 0) {
                    out.add(single, from(i), to(i + 1));
                    i += 2;
                    continue;
                }
            }
            out.add(c, from(i), to(i));
            i++;
        }
        return out;
    }

    /** Resolves {@code %XX} (either case, UTF-8 sequences as one character) and {@code +} as a space. */
    DecodedText percent() {
        DecodedText out = new DecodedText(length());
        int i = 0;
        while (i < length()) {
            if (charAt(i) == '%' && hex(i + 1, 2) >= 0) {
                List<int[]> bytes = new ArrayList<>();
                while (i < length() && charAt(i) == '%' && hex(i + 1, 2) >= 0) {
                    bytes.add(new int[] {hex(i + 1, 2), from(i), to(i + 2)});
                    i += 3;
                }
                out.addUtf8(bytes);
            } else {
                out.add(charAt(i) == '+' ? ' ' : charAt(i), from(i), to(i));
                i++;
            }
        }
        return out;
    }

    /**
     * Decodes every long run of Base64 characters (either alphabet) from its start, each byte as one character (so a
     * secret's UTF-8 bytes read as ISO-8859-1 match), the runs apart; the rest of the line is left out.
     */
    DecodedText base64() {
        DecodedText out = new DecodedText(0);
        out.base64 = true;
        int i = 0;
        while (i < length()) {
            int end = i;
            while (end < length() && sextet(charAt(end)) >= 0) {
                end++;
            }
            int padded = end;
            while (padded < length() && charAt(padded) == '=') {
                padded++;
            }
            if (end - i >= SHORTEST_BASE64) {
                decodeRun(out, i, end, padded);
                out.add(SEPARATOR, from(padded - 1), to(padded - 1));
            }
            i = Math.max(padded, i + 1);
        }
        return out;
    }

    /**
     * Decodes {@code [start, end)}; its last byte also stands for the unused bits and the padding up to
     * {@code padded}, so a secret at the end of the text is masked to its very end.
     */
    private void decodeRun(DecodedText out, int start, int end, int padded) {
        int first = out.length();
        int bits = 0;
        int buffer = 0;
        int byteStart = start;
        for (int i = start; i < end; i++) {
            buffer = buffer << 6 | sextet(charAt(i));
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.add((char) (buffer >> bits & 0xff), from(byteStart), to(i));
                buffer &= (1 << bits) - 1;
                byteStart = bits == 0 ? i + 1 : i;
            }
        }
        if (out.length() > first) {
            out.to[out.length() - 1] = to(padded - 1);
        }
    }

    /** Adds the bytes {value, from, to} as UTF-8; a byte that starts no valid sequence stays one character. */
    private void addUtf8(List<int[]> bytes) {
        int j = 0;
        while (j < bytes.size()) {
            int lead = bytes.get(j)[0];
            int length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xe ? 3 : lead >> 3 == 0x1e ? 4 : 0;
            int codePoint = length == 1 ? lead : length == 2 ? lead & 0x1f : length == 3 ? lead & 0x0f : lead & 0x07;
            boolean valid = length > 0 && j + length <= bytes.size();
            for (int k = 1; valid && k < length; k++) {
                int next = bytes.get(j + k)[0];
                valid = next >> 6 == 0x2;
                codePoint = codePoint << 6 | next & 0x3f;
            }
            if (!valid || !Character.isValidCodePoint(codePoint)) {
                add((char) lead, bytes.get(j)[1], bytes.get(j)[2]);
                j++;
                continue;
            }
            for (char c : Character.toChars(codePoint)) {
                add(c, bytes.get(j)[1], bytes.get(j + length - 1)[2]);
            }
            j += length;
        }
    }

    /** @return the value of {@code digits} hex digits at {@code start}, or -1 when they are not all hex digits */
    private int hex(int start, int digits) {
        if (start + digits > length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + digits; i++) {
            int digit = Character.digit(charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static char simpleEscape(char c) {
        switch (c) {
            case '"': case '\\': case '/': return c;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            default: return 0;
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }

    /** Appends a character decoded from the characters [{@code first}, {@code end}) of the line. */
    private void add(char c, int first, int end) {
        if (size == chars.length) {
            int capacity = Math.max(16, size * 2);
            chars = Arrays.copyOf(chars, capacity);
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
        }
        chars[size] = c;
        from[size] = first;
        to[size] = end;
        size++;
    }
}
