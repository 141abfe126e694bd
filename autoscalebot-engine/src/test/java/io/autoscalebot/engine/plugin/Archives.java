package io.autoscalebot.engine.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the archives users hand to {@code plugins install}: real GNU tar output, zips written with
 * {@link ZipOutputStream}, and hand-made tar entries for the hostile cases no honest tool writes.
 */
final class Archives {

    private Archives() {
    }

    /**
     * Packs a folder with the system's GNU tar, as a plugin author would: {@code tar -czf target -C parent name}.
     *
     * @param options more tar options, like {@code --format=posix}
     */
    static Path gnuTar(Path folder, Path target, String... options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("tar", "-czf", target.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-C", folder.getParent().toString(), folder.getFileName().toString()));
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar failed: " + output);
        }
        return target;
    }

    /** Zips the given entries (name to content; a name ending in {@code /} is a folder) in order. */
    static Path zip(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    /** Zips the files of a folder under {@code folder-name/}, as a zip tool does. */
    static Path zipFolder(Path folder, Path target) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        String top = folder.getFileName() + "/";
        entries.put(top, new byte[0]);
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                entries.put(top + file.getFileName(), Files.readAllBytes(file));
            }
        }
        return zip(target, entries);
    }

    /** A tar.gz written entry by entry, to make archives tar itself would refuse to write. */
    static final class HandMadeTar {

        private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

        /** Adds a regular file. */
        HandMadeTar file(String name, byte[] content) {
            header(name, '0', content.length, "");
            tar.writeBytes(content);
            pad(content.length);
            return this;
        }

        /** Adds a symbolic link. */
        HandMadeTar symlink(String name, String target) {
            header(name, '2', 0, target);
            return this;
        }

        /** Adds an entry with a broken header checksum. */
        HandMadeTar corruptHeader(String name) {
            int at = tar.size();
            header(name, '0', 0, "");
            byte[] bytes = tar.toByteArray();
            bytes[at + 148] = bytes[at + 148] == '7' ? (byte) '6' : (byte) '7';
            tar.reset();
            tar.writeBytes(bytes);
            return this;
        }

        /** Ends the archive and gzips it. */
        Path writeTo(Path target) throws IOException {
            tar.writeBytes(new byte[1024]);
            try (OutputStream file = Files.newOutputStream(target);
                 GZIPOutputStream gzip = new GZIPOutputStream(file)) {
                gzip.write(tar.toByteArray());
            }
            return target;
        }

        private void header(String name, char type, long size, String link) {
            byte[] header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", size));
            put(header, 136, "00000000000");
            header[156] = (byte) type;
            put(header, 157, link);
            put(header, 257, "ustar");
            put(header, 263, "00");
            java.util.Arrays.fill(header, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o", sum));
            header[154] = 0;
            tar.writeBytes(header);
        }

        private void pad(long size) {
            tar.writeBytes(new byte[(int) ((512 - size % 512) % 512)]);
        }

        private static void put(byte[] header, int offset, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, header, offset, bytes.length);
        }
    }
}
