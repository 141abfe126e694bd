package io.autoscalebot.engine.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything in a folder, hidden entries included, one line per entry with its type, size, modification time and a hash
 * of its content: two equal listings mean nothing in the folder changed.
 */
final class DirectoryListing {

    private DirectoryListing() {
    }

    /** @return the listing, or {@code "(absent)"} when the folder does not exist */
    static String of(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return "(absent)";
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().map(path -> line(folder, path)).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(Path folder, Path path) {
        try {
            String name = folder.relativize(path).toString();
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return name + "/";
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
            return name + " " + Files.size(path) + " " + Files.getLastModifiedTime(path) + " "
                    + HexFormat.of().formatHex(hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
