package io.autoscalebot.engine.plugin;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a {@code .zip}, {@code .tar.gz} or {@code .tgz} of a plugin folder, refusing anything that could write
 * outside the folder it unpacks into or fill the disk: absolute names, {@code ..} segments, backslashes, links, devices, two
 * entries with one name, more than {@link Limits#maxEntries()} entries or {@link Limits#maxBytes()} bytes (counted as
 * written, not as the archive claims). Zip entries are always written as plain files: {@link ZipFile} does not create
 * the symbolic links some zip tools can store, so a link in a zip becomes a small file holding its target's name.
 */
final class PluginArchive {

    /** The archive formats accepted, recognised by file name. */
    enum Format {
        ZIP, TAR_GZ;

        /** @return the format of a file named like {@code acme.zip}, {@code acme.tar.gz} or {@code acme.tgz} */
        static Optional<Format> of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                return Optional.of(ZIP);
            }
            return name.endsWith(".tar.gz") || name.endsWith(".tgz") ? Optional.of(TAR_GZ) : Optional.empty();
        }

        /** @return the file name without the archive extension: {@code acme-1.0} for {@code acme-1.0.tar.gz} */
        static String baseName(Path file) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            for (String extension : new String[] {".tar.gz", ".tgz", ".zip"}) {
                if (lower.endsWith(extension)) {
                    return name.substring(0, name.length() - extension.length());
                }
            }
            return name;
        }
    }

    /**
     * How much an archive may unpack to. A plugin folder is a plugin jar and its libraries: tens of files, tens of MB.
     *
     * @param maxEntries the most entries (files and folders)
     * @param maxBytes the most bytes of content, all files together
     */
    record Limits(int maxEntries, long maxBytes) {

        /** Ample for any plugin folder, small enough that a mistaken or hostile archive cannot fill a disk. */
        static final Limits DEFAULT = new Limits(10_000, 512L * 1024 * 1024);
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** Finder's resource forks in zips made on macOS: never part of a plugin. */
    private static final String MAC_METADATA = "__MACOSX";

    private final String shownAs;
    private final Path into;
    private final Limits limits;
    private int entries;
    private long bytes;

    private PluginArchive(String shownAs, Path into, Limits limits) {
        this.shownAs = shownAs;
        this.into = into;
        this.limits = limits;
    }

    /**
     * Unpacks an archive.
     *
     * @param archive the archive
     * @param format its format
     * @param into an existing empty folder to unpack into
     * @param limits how much it may unpack to
     * @param shownAs the archive as the user named it, for messages
     * @throws InstallException when the archive is unreadable or unsafe, naming it and the entry; part of it may then
     *     be unpacked already, so the caller removes {@code into}
     */
    static void unpack(Path archive, Format format, Path into, Limits limits, String shownAs)
            throws InstallException {
        PluginArchive unpacking = new PluginArchive(shownAs, into.toAbsolutePath().normalize(), limits);
        try {
            if (format == Format.ZIP) {
                unpacking.zip(archive);
            } else {
                unpacking.tarGz(archive);
            }
        } catch (ZipException | EOFException | TarReader.FormatException e) {
            throw new InstallException(shownAs + ": not a readable " + (format == Format.ZIP ? ".zip" : ".tar.gz")
                    + " archive (" + JdkFailures.detail(e) + "); download or pack it again");
        } catch (IOException e) {
            throw new InstallException(shownAs + ": cannot be unpacked (" + JdkFailures.detail(e)
                    + "); check the archive, and that there is free space where plugins are installed");
        }
    }

    private void zip(Path archive) throws IOException, InstallException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                try (InputStream content = zip.getInputStream(entry)) {
                    add(entry.getName(), entry.isDirectory(), content);
                }
            }
        }
    }

    private void tarGz(Path archive) throws IOException, InstallException {
        try (InputStream file = Files.newInputStream(archive);
             InputStream gzip = new GZIPInputStream(new BufferedInputStream(file))) {
            TarReader tar = new TarReader(gzip);
            for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (entry.isLink()) {
                    throw refuse("entry '" + entry.name() + "' is a link; a plugin archive holds plain files only,"
                            + " so pack the files the link points to instead");
                }
                if (!entry.isFile() && !entry.isDirectory()) {
                    throw refuse("entry '" + entry.name() + "' is not a file or a folder (tar type '" + entry.type()
                            + "'); a plugin archive holds plain files only");
                }
                add(entry.name(), entry.isDirectory(), tar.content());
            }
        }
    }

    private void add(String name, boolean directory, InputStream content) throws IOException, InstallException {
        if (++entries > limits.maxEntries()) {
            throw refuse("has more than " + limits.maxEntries() + " entries, far more than a plugin folder holds;"
                    + " check it is the right archive");
        }
        Path target = target(name);
        if (target == null) {
            return;
        }
        if (directory) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[8192];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                bytes += read;
                if (bytes > limits.maxBytes()) {
                    throw refuse("unpacks to more than " + limits.maxBytes() / (1024 * 1024) + " MiB, far more than"
                            + " a plugin folder holds; check it is the right archive");
                }
                out.write(buffer, 0, read);
            }
        } catch (FileAlreadyExistsException e) {
            throw refuse("has two entries named '" + name + "'; pack the plugin folder again");
        }
    }

    /** @return where an entry goes, or {@code null} for one to pass over (the root itself, macOS metadata) */
    private Path target(String name) throws InstallException {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw refuse("has an entry with an empty or malformed name; pack the plugin folder again");
        }
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || DRIVE.matcher(name).matches()) {
            throw refuse("entry '" + name + "' has an absolute or Windows path; a plugin archive holds the plugin"
                    + " folder with relative paths only (unsafe archive, nothing was installed)");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw refuse("entry '" + name + "' points outside the plugin folder with '..'; a plugin archive"
                        + " holds the plugin folder with plain relative paths (unsafe archive, nothing was installed)");
            }
        }
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into)) {
            throw refuse("entry '" + name + "' points outside the plugin folder (unsafe archive, nothing was"
                    + " installed)");
        }
        if (target.equals(into) || into.relativize(target).getName(0).toString().equals(MAC_METADATA)) {
            return null;
        }
        return target;
    }

    private InstallException refuse(String what) {
        return new InstallException(shownAs + ": " + what);
    }
}
