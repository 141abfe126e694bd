package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plugins install} and {@code plugins remove} run as a user would: the example third-party plugin as a jar, a
 * folder, a .zip and a .tar.gz; refusals that leave the plugins folder byte for byte as it was; --replace; remove.
 */
class PluginInstallIT {

    private static final String JAR = "file-value-plugin-0.9.0.jar";

    @TempDir
    static Path work;
    /** A plugin folder as an author ships one: the plugin jar and a library (slf4j 1.7, which lib/ has newer). */
    private static Path folder;
    /** A plugins folder holding the third-party jar, which the refusals must leave as it is. */
    private static Path installed;

    @BeforeAll
    static void packThePlugin() throws IOException {
        folder = Files.createDirectories(work.resolve("source/file-value"));
        Files.copy(Distribution.thirdPartyJar(), folder.resolve(JAR));
        Files.copy(Distribution.slf4j1Jar(), folder.resolve("slf4j-api-1.7.36.jar"));
        installed = installedOnce("refusals");
    }

    @Test
    void installsAJarIntoPluginsWhereRunFindsIt() throws IOException {
        Path here = Files.createDirectories(work.resolve("jar"));
        Cli cli = Cli.of(Distribution.home(), here);

        Cli.Result install = cli.run("plugins", "install", Distribution.thirdPartyJar().toString());

        assertThat(install.exitCode()).as(install.output()).isZero();
        Path installed = here.resolve("plugins").resolve(JAR);
        assertThat(install.stdout()).isEqualTo("installed plugin 'file-value' version 0.9.0 (measure file-value) as "
                + installed + "\n");
        assertThat(installed).hasSameBinaryContentAs(Distribution.thirdPartyJar());
        Path config = Configs.write(here.resolve("autoscale.toml"), Configs.stateDir(here.resolve("state")),
                Configs.group("web", 0, 2), Configs.fileValue("web", here.resolve("load.txt")),
                Configs.component("web", "decide", "consecutive-threshold"), Configs.localSleep("web", 30));
        Cli.Result validate = cli.run("config", "validate", "--config", config.toString());
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.stdout()).contains("measure file-value");
    }

    @Test
    void pluginsListIsKeptBetweenRunsAndMadeAgainWhenAPluginIsInstalledOrRemoved() throws IOException {
        Path here = Files.createDirectories(work.resolve("listed"));
        Path cache = work.resolve("listed-cache");
        Cli cli = Cli.of(Distribution.home(), here).withEnvironment("XDG_CACHE_HOME", cache.toString());

        Cli.Result first = cli.run("plugins", "list");
        Cli.Result kept = cli.run("plugins", "list");
        Cli.Result install = cli.run("plugins", "install", Distribution.thirdPartyJar().toString());
        Cli.Result installed = cli.run("plugins", "list");
        Cli.Result remove = cli.run("plugins", "remove", "file-value");
        Cli.Result removed = cli.run("plugins", "list");

        for (Cli.Result result : List.of(first, kept, install, installed, remove, removed)) {
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.stderr()).as(result.output()).isEmpty();
        }
        try (Stream<Path> listings = Files.list(cache.resolve("autoscalebot").resolve("listings"))) {
            assertThat(listings).as("one listing for the folders searched from here").hasSize(1);
        }
        assertThat(kept.stdout()).isEqualTo(first.stdout()).contains("predictive").doesNotContain("file-value");
        assertThat(installed.stdout()).contains("file-value", here.resolve("plugins").resolve(JAR).toString());
        assertThat(removed.stdout()).isEqualTo(first.stdout());
    }

    @Test
    void installsAPluginFolderWithItsLibrary() {
        Path plugins = work.resolve("folder-plugins");

        Cli.Result install = cli().run("plugins", "install", folder.toString(), "--plugins-dir", plugins.toString());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(names(plugins.resolve("file-value"))).containsExactly(JAR, "slf4j-api-1.7.36.jar");
        assertLoadedFrom(plugins, "file-value");
    }

    @Test
    void installsAZipOfAPluginFolder() throws IOException {
        Path archive = zip(folder, work.resolve("file-value.zip"));
        Path plugins = work.resolve("zip-plugins");

        Cli.Result install = cli().run("plugins", "install", archive.toString(), "--plugins-dir", plugins.toString());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.stdout()).contains("as " + plugins.resolve("file-value"));
        assertThat(names(plugins.resolve("file-value"))).containsExactly(JAR, "slf4j-api-1.7.36.jar");
    }

    @Test
    void installsATarGzMadeWithTar() {
        Path archive = tarGz(folder, work.resolve("file-value-0.9.0.tar.gz"));
        Path plugins = work.resolve("tar-plugins");

        Cli.Result install = cli().run("plugins", "install", archive.toString(), "--plugins-dir", plugins.toString());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertLoadedFrom(plugins, "file-value");
    }

    @Test
    void refusesACorruptArchiveLeavingThePluginsFolderAsItWas() {
        Path corrupt = PluginFiles.corrupt(work.resolve("download.tar.gz"));

        String error = refused(corrupt);

        assertThat(error).isEqualTo("autoscalebot: " + corrupt + ": not a readable .tar.gz archive (Not in GZIP "
                + "format); download or pack it again");
    }

    @Test
    void refusesAnArchiveThatWritesOutsideThePluginFolder() throws IOException {
        Path archive = work.resolve("traversal.zip");
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("file-value/" + JAR));
            zip.write(Files.readAllBytes(Distribution.thirdPartyJar()));
            zip.putNextEntry(new ZipEntry("file-value/../../escaped.jar"));
            zip.write(Files.readAllBytes(Distribution.thirdPartyJar()));
        }

        String error = refused(archive);

        assertThat(error).startsWith("autoscalebot: " + archive + ": entry 'file-value/../../escaped.jar' points "
                + "outside the plugin folder");
        assertThat(names(work)).doesNotContain("escaped.jar");
    }

    @Test
    void refusesAPluginBuiltForAnotherApi() {
        Path incompatible = PluginFiles.withApiRange(Distribution.thirdPartyJar(), "[2.0,3.0)",
                work.resolve("file-value-for-api-2.jar"));

        String error = refused(incompatible);

        assertThat(error).isEqualTo("autoscalebot: " + incompatible + ": built for autoscalebot API [2.0,3.0), this "
                + "is API 1.0; upgrade autoscalebot or use a file-value release for API 1.x (nothing was installed)");
    }

    @Test
    void refusesAPluginIdAlreadyInstalledThenReplacesItWithReplace() {
        Path plugins = installedOnce("replace");
        Path newer = PluginFiles.withVersion(Distribution.thirdPartyJar(), "1.0.0",
                work.resolve("file-value-plugin-1.0.0.jar"));

        String error = refusedIn(plugins, newer);
        Cli.Result replace = cli().run("plugins", "install", newer.toString(), "--replace", "--plugins-dir",
                plugins.toString());

        assertThat(error).isEqualTo("autoscalebot: " + newer + ": plugin id 'file-value' is already taken by "
                + plugins.resolve(JAR) + " (version 0.9.0); add --replace to install version 1.0.0 in its place");
        assertThat(replace.exitCode()).as(replace.output()).isZero();
        assertThat(names(plugins)).containsExactly("file-value-plugin-1.0.0.jar");
        assertThat(list(plugins, "file-value-plugin-1.0.0.jar").path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void refusesACopyOfABundledPluginThatWouldNeverBeUsed() {
        Path bundledThreshold = Distribution.bundledPlugin("threshold");
        Path copy = work.resolve("threshold-copy");
        Distribution.copyTree(bundledThreshold, copy);

        String error = refused(copy);

        assertThat(error).startsWith("autoscalebot: " + copy + ": version ")
                .contains(" would not be used: " + bundledThreshold + " has plugin id 'threshold' and version ")
                .contains("the highest version is used; install a version above ");
    }

    @Test
    void removesAnInstalledPluginAndRefusesBundledAndUnknownIds() {
        Path plugins = installedOnce("remove");

        Cli.Result bundled = cli().run("plugins", "remove", "consecutive-threshold", "--plugins-dir",
                plugins.toString());
        Cli.Result unknown = cli().run("plugins", "remove", "file-valu", "--plugins-dir", plugins.toString());
        Cli.Result remove = cli().run("plugins", "remove", "file-value", "--plugins-dir", plugins.toString());

        assertThat(bundled.exitCode()).as(bundled.output()).isEqualTo(2);
        assertThat(bundled.stderr()).startsWith("autoscalebot: 'consecutive-threshold' is a component of plugin "
                + "'threshold', which is bundled with autoscalebot (" + Distribution.bundledPlugin("threshold")
                + ") and cannot be removed");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no installed plugin has the id or component id 'file-valu'; installed"
                + " in ").contains(plugins + ": file-value (measure file-value)");
        assertThat(remove.exitCode()).as(remove.output()).isZero();
        assertThat(remove.stdout()).isEqualTo("removed plugin 'file-value' version 0.9.0 (measure file-value) from "
                + plugins.resolve(JAR) + "\n");
        assertThat(names(plugins)).isEmpty();
    }

    @Test
    void theHighestVersionIsUsedWhateverTheFileNames() throws IOException {
        // a-file-value-1.9.0.jar is found first, and "1.10.0" sorts before "1.9.0" as text: only versions may decide.
        Path plugins = Files.createDirectories(work.resolve("two-versions"));
        PluginFiles.withVersion(Distribution.thirdPartyJar(), "1.9.0", plugins.resolve("a-file-value-1.9.0.jar"));
        PluginFiles.withVersion(Distribution.thirdPartyJar(), "1.10.0", plugins.resolve("b-file-value-1.10.0.jar"));

        Cli.Result listing = cli().run("plugins", "list", "--json", "--plugins-dir", plugins.toString());

        assertThat(listing.exitCode()).as(listing.output()).isZero();
        JsonNode older = Json.pluginAt(listing.stdout(), "a-file-value-1.9.0.jar");
        JsonNode newer = Json.pluginAt(listing.stdout(), "b-file-value-1.10.0.jar");

        assertThat(newer.path("status").asText()).isEqualTo("loaded");
        assertThat(older.path("status").asText()).isEqualTo("duplicate");
        assertThat(older.path("problem").asText()).isEqualTo(plugins.resolve("a-file-value-1.9.0.jar")
                + ": plugin id 'file-value' (version 1.9.0) is already taken by "
                + plugins.resolve("b-file-value-1.10.0.jar") + " (version 1.10.0), the higher version; remove the "
                + "older one");
    }

    /** @return a fresh plugins folder holding the third-party jar, installed with plugins install */
    private static Path installedOnce(String name) {
        Path plugins = work.resolve(name + "-plugins");
        Cli.Result install = cli().run("plugins", "install", Distribution.thirdPartyJar().toString(), "--plugins-dir",
                plugins.toString());
        assertThat(install.exitCode()).as(install.output()).isZero();
        return plugins;
    }

    /** Installs into a folder already holding the third-party jar; expects exit 2 and the folder unchanged. */
    private static String refused(Path source) {
        return refusedIn(installed, source);
    }

    private static String refusedIn(Path plugins, Path source) {
        String before = listing(plugins);
        Cli.Result install = cli().run("plugins", "install", source.toString(), "--plugins-dir", plugins.toString());
        assertThat(install.exitCode()).as(install.output()).isEqualTo(2);
        assertThat(install.stdout()).as(install.output()).isEmpty();
        assertThat(install.stderr().lines()).as(install.output()).hasSize(1);
        assertThat(listing(plugins)).as("the plugins folder after the refusal").isEqualTo(before);
        return install.stderr().strip();
    }

    private static void assertLoadedFrom(Path plugins, String name) {
        JsonNode plugin = list(plugins, name);
        assertThat(plugin.path("status").asText()).as(plugin.toString()).isEqualTo("loaded");
        assertThat(plugin.path("id").asText()).isEqualTo("file-value");
    }

    private static JsonNode list(Path plugins, String name) {
        Cli.Result listing = cli().run("plugins", "list", "--json", "--plugins-dir", plugins.toString());
        assertThat(listing.exitCode()).as(listing.output()).isZero();
        return Json.pluginAt(listing.stdout(), name);
    }

    private static Cli cli() {
        return Cli.of(Distribution.home(), work);
    }

    /** Every file in a folder with its size, modification time and content: equal listings, nothing changed. */
    private static String listing(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().map(path -> {
                try {
                    return Files.isDirectory(path) ? folder.relativize(path) + "/"
                            : folder.relativize(path) + " " + Files.size(path) + " "
                                    + Files.getLastModifiedTime(path) + " "
                                    + java.util.Arrays.hashCode(Files.readAllBytes(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path zip(Path pluginFolder, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : names(pluginFolder)) {
                zip.putNextEntry(new ZipEntry(pluginFolder.getFileName() + "/" + name));
                zip.write(Files.readAllBytes(pluginFolder.resolve(name)));
            }
        }
        return target;
    }

    /** Packs a folder with the system's tar, as a plugin author would. */
    private static Path tarGz(Path pluginFolder, Path target) {
        try {
            Process tar = new ProcessBuilder("tar", "-czf", target.toString(), "-C",
                    pluginFolder.getParent().toString(), pluginFolder.getFileName().toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as(output).isTrue();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
