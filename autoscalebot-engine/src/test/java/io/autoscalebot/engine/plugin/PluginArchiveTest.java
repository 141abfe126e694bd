package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking plugin archives: real tar and zip output unpacks; every way out of the folder is refused by name. */
class PluginArchiveTest {

    private static final byte[] JAR = "not really a jar".getBytes(StandardCharsets.UTF_8);
    private static final String LONG_NAME = "acme/" + "a-library-with-a-very-long-name-".repeat(4) + "1.0.jar";

    @TempDir
    Path work;

    @Test
    void unpacksWhatGnuTarWritesInItsOwnFormatWithALongName() throws Exception {
        Path folder = pluginFolder();

        Path into = unpack(Archives.gnuTar(folder, work.resolve("acme.tar.gz"), "--format=gnu"));

        assertUnpacked(into);
    }

    @Test
    void unpacksWhatGnuTarWritesInThePosixFormatWithALongName() throws Exception {
        Path folder = pluginFolder();

        Path into = unpack(Archives.gnuTar(folder, work.resolve("acme.tgz"), "--format=posix"));

        assertUnpacked(into);
    }

    @Test
    void unpacksAZipOfAFolder() throws Exception {
        Path into = unpack(Archives.zipFolder(pluginFolder(), work.resolve("acme.zip")));

        assertUnpacked(into);
    }

    @Test
    void refusesAZipEntryThatClimbsOutOfTheFolder() throws Exception {
        Path archive = Archives.zip(work.resolve("evil.zip"), Map.of("acme/../../evil.jar", JAR));

        assertThat(refusal(archive)).isEqualTo(archive + ": entry 'acme/../../evil.jar' points outside the plugin "
                + "folder with '..'; a plugin archive holds the plugin folder with plain relative paths (unsafe "
                + "archive, nothing was installed)");
        assertThat(work.resolve("evil.jar")).doesNotExist();
    }

    @Test
    void refusesATarEntryThatClimbsOutOfTheFolder() throws Exception {
        Path archive = new Archives.HandMadeTar().file("acme/acme.jar", JAR).file("../evil.jar", JAR)
                .writeTo(work.resolve("evil.tar.gz"));

        assertThat(refusal(archive)).contains("entry '../evil.jar' points outside the plugin folder");
        assertThat(work.resolve("evil.jar")).doesNotExist();
    }

    @Test
    void refusesAbsoluteAndWindowsPaths() throws Exception {
        for (String name : new String[] {"/tmp/evil.jar", "C:/evil.jar", "acme\\..\\..\\evil.jar"}) {
            Path archive = Archives.zip(Files.createTempFile(work, "evil", ".zip"), Map.of(name, JAR));

            assertThat(refusal(archive)).as(name).contains("entry '" + name + "' has an absolute or Windows path");
        }
    }

    @Test
    void refusesASymbolicLink() throws Exception {
        Path archive = new Archives.HandMadeTar().symlink("acme/lib.jar", "/etc/passwd")
                .writeTo(work.resolve("link.tar.gz"));

        assertThat(refusal(archive)).isEqualTo(archive + ": entry 'acme/lib.jar' is a link; a plugin archive holds "
                + "plain files only, so pack the files the link points to instead");
    }

    @Test
    void refusesTwoEntriesWithOneName() throws Exception {
        Path archive = new Archives.HandMadeTar().file("acme/acme.jar", JAR).file("acme/./acme.jar", JAR)
                .writeTo(work.resolve("twice.tar.gz"));

        assertThat(refusal(archive)).contains("has two entries named 'acme/./acme.jar'");
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int index = 0; index < 6; index++) {
            entries.put("acme/lib-" + index + ".jar", JAR);
        }
        Path archive = Archives.zip(work.resolve("many.zip"), entries);

        assertThat(refusal(archive, new PluginArchive.Limits(5, 1 << 20)))
                .contains("has more than 5 entries, far more than a plugin folder holds");
    }

    @Test
    void refusesAnArchiveThatUnpacksToMoreBytesThanTheLimitWhateverItClaims() throws Exception {
        // 3 MiB of zeros compress to a few KiB: only counting what is written catches it.
        Path archive = Archives.zip(work.resolve("bomb.zip"), Map.of("acme/big.jar", new byte[3 << 20]));

        assertThat(refusal(archive, new PluginArchive.Limits(100, 2 << 20)))
                .contains("unpacks to more than 2 MiB, far more than a plugin folder holds");
    }

    @Test
    void refusesCorruptArchivesAsUnreadable() throws Exception {
        byte[] noise = new byte[2048];
        new Random(3).nextBytes(noise);
        Path zip = Files.write(work.resolve("noise.zip"), noise);
        Path tarGz = Files.write(work.resolve("noise.tar.gz"), noise);

        assertThat(refusal(zip)).startsWith(zip + ": not a readable .zip archive (")
                .endsWith("); download or pack it again");
        assertThat(refusal(tarGz)).startsWith(tarGz + ": not a readable .tar.gz archive (Not in GZIP format)");
    }

    @Test
    void refusesATruncatedTarGz() throws Exception {
        Path whole = Archives.gnuTar(pluginFolder(), work.resolve("whole.tar.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(work.resolve("cut.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(refusal(cut)).startsWith(cut + ": not a readable .tar.gz archive (");
    }

    @Test
    void refusesATarWhoseHeaderChecksumIsWrong() throws Exception {
        Path archive = new Archives.HandMadeTar().corruptHeader("acme/acme.jar").writeTo(work.resolve("bad.tar.gz"));

        assertThat(refusal(archive)).isEqualTo(archive + ": not a readable .tar.gz archive (not a tar archive (the "
                + "checksum of header 1 does not match)); download or pack it again");
    }

    /** A plugin folder with a jar and a library whose name is too long for a plain tar header. */
    private Path pluginFolder() throws IOException {
        Path folder = Files.createDirectories(work.resolve("source/acme"));
        Files.write(folder.resolve("acme.jar"), JAR);
        Files.write(work.resolve("source").resolve(LONG_NAME), new byte[] {1, 2, 3});
        return folder;
    }

    private static void assertUnpacked(Path into) throws IOException {
        assertThat(into.resolve("acme/acme.jar")).hasBinaryContent(JAR);
        assertThat(into.resolve(LONG_NAME)).hasBinaryContent(new byte[] {1, 2, 3});
    }

    private Path unpack(Path archive) throws Exception {
        Path into = Files.createDirectories(work.resolve("into"));
        PluginArchive.unpack(archive, PluginArchive.Format.of(archive).orElseThrow(), into,
                PluginArchive.Limits.DEFAULT, archive.toString());
        return into;
    }

    private String refusal(Path archive) throws IOException {
        return refusal(archive, PluginArchive.Limits.DEFAULT);
    }

    private String refusal(Path archive, PluginArchive.Limits limits) throws IOException {
        Path into = Files.createDirectories(Files.createTempDirectory(work, "into"));
        InstallException refused = catchThrowableOfType(InstallException.class, () -> PluginArchive.unpack(archive,
                PluginArchive.Format.of(archive).orElseThrow(), into, limits, archive.toString()));
        assertThat(refused).as("unpacking " + archive + " should be refused").isNotNull();
        return refused.getMessage();
    }
}
