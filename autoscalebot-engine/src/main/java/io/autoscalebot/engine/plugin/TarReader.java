package io.autoscalebot.engine.plugin;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the entries of a tar stream: the POSIX ustar format with the two extensions real archives of plugin folders
 * use for long names, pax {@code path} records (GNU tar {@code --format=posix}, Ant, Maven) and GNU
 * {@code ././@LongLink} entries. Our own 200 lines rather than a library (commons-compress): only names, types and
 * contents are needed, the JDK does the gzip part, and every entry is checked by {@link PluginArchive} before anything
 * is written.
 */
final class TarReader {

    private static final int BLOCK = 512;
    /** Long names and pax records are a few hundred bytes; more is not an archive of a plugin folder. */
    private static final int MAX_META = 64 * 1024;

    /**
     * One entry.
     *
     * @param name its path inside the archive, as written
     * @param type the ustar type flag: {@code '0'} file, {@code '5'} directory, {@code '1'} hard link, {@code '2'}
     *     symbolic link, ...
     * @param size the length of its content
     */
    record Entry(String name, char type, long size) {

        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }

        boolean isLink() {
            return type == '1' || type == '2';
        }
    }

    /** The stream is not a well-formed tar archive; the message says where. */
    static final class FormatException extends IOException {

        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private long remaining;
    private int padding;
    private int index;

    TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next entry, its content then readable from {@link #content()}; {@code null} at the end
     * @throws IOException when the stream is not a tar archive or ends inside an entry
     */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            skip(remaining + padding);
            byte[] header = new byte[BLOCK];
            int read = in.readNBytes(header, 0, BLOCK);
            if (read == 0 || read == BLOCK && isZero(header)) {
                return null;
            }
            if (read < BLOCK) {
                throw new EOFException("the archive ends in the middle of a header");
            }
            index++;
            checkChecksum(header);
            long size = octal(header, 124, 12, "size");
            char type = (char) (header[156] & 0xff);
            remaining = size;
            padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
            if (type == 'x' || type == 'L') {
                byte[] meta = meta(size);
                longName = type == 'L' ? cString(meta, 0, meta.length) : paxPath(meta, longName);
                continue;
            }
            if (type == 'g' || type == 'K') {
                // A global pax header, or the long target of a link (links are refused anyway).
                continue;
            }
            return new Entry(longName != null ? longName : name(header), type, size);
        }
    }

    /** @return the current entry's content; reading past it returns end of stream */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (read < 0) {
                    throw new EOFException("the archive ends in the middle of an entry");
                }
                remaining -= read;
                return read;
            }
        };
    }

    private byte[] meta(long size) throws IOException {
        if (size > MAX_META) {
            throw new FormatException("entry " + index + " has an extended header of " + size
                    + " bytes, more than a name");
        }
        byte[] meta = in.readNBytes((int) size);
        if (meta.length < size) {
            throw new EOFException("the archive ends in the middle of an extended header");
        }
        remaining = 0;
        return meta;
    }

    /** Pax records are {@code "<length> <key>=<value>\n"}; only {@code path} matters here. */
    private String paxPath(byte[] records, String previous) throws IOException {
        String path = previous;
        int at = 0;
        while (at < records.length) {
            int space = indexOf(records, (byte) ' ', at);
            int length = space < 0 ? -1 : parseLength(new String(records, at, space - at, StandardCharsets.US_ASCII));
            if (length < 0 || length <= space - at + 1 || at + length > records.length) {
                throw new FormatException("entry " + index + " has a malformed pax extended header");
            }
            String record = new String(records, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
            at += length;
        }
        return path;
    }

    private static int parseLength(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private void checkChecksum(byte[] header) throws IOException {
        long expected = octal(header, 148, 8, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum != expected) {
            throw new FormatException("not a tar archive (the checksum of header " + index + " does not match)");
        }
    }

    private long octal(byte[] header, int offset, int length, String field) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            throw new FormatException("entry " + index + " is larger than 8 GiB");
        }
        String text = cString(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new FormatException("not a tar archive (header " + index + " has " + field + " '" + text + "')");
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                // skip() may skip nothing without being at the end; read() tells.
                if (in.read() < 0) {
                    throw new EOFException("the archive ends in the middle of an entry");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        remaining = 0;
        padding = 0;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isZero(byte[] block) {
        byte[] zero = new byte[BLOCK];
        return Arrays.equals(block, zero);
    }
}
