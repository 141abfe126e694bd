package io.autoscalebot.engine.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns a configuration file's bytes into TOML text: UTF-8 as TOML requires, with or without the byte order mark
 * editors on Windows write, and anything else refused at the line and column of the first byte that is not UTF-8.
 */
final class TomlFile {

    private static final int BYTE_ORDER_MARK_LENGTH = 3;

    private TomlFile() {
    }

    /**
     * @param file where the bytes came from, for the error
     * @return the text, without a byte order mark
     * @throws ConfigException when the bytes are not UTF-8
     */
    static String decode(Path file, byte[] bytes) throws ConfigException {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            throw error(file, 1, 1, "the file is UTF-16, not UTF-8: save it as UTF-8");
        }
        boolean mark = bytes.length >= BYTE_ORDER_MARK_LENGTH && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (mark) {
            in.position(BYTE_ORDER_MARK_LENGTH);
        }
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // The decoder stops at the first bad byte, with everything before it decoded: count lines in that.
            out.flip();
            String before = out.toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            throw error(file, line, column, String.format(Locale.ROOT, "the file is not UTF-8: byte 0x%02X at line %d,"
                    + " column %d; save it as UTF-8", bytes[in.position()] & 0xff, line, column));
        }
        out.flip();
        return out.toString();
    }

    private static ConfigException error(Path file, int line, int column, String message) {
        return new ConfigException(List.of(new ConfigError(file, line, column, message)));
    }
}
