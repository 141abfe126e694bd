package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing real plugin jars, folders and archives into a plugins directory beside a "bundled" one, as
 * {@code plugins install} does; every refusal leaves the directory exactly as it was.
 */
class PluginInstallerTest {

    private static final PluginLoader LOADER = new PluginLoader(MeasureProvider.class.getModule().getLayer(),
            ApiVersion.CURRENT, Duration.ofSeconds(5));

    private static PluginFixtures fixtures;

    @TempDir
    Path work;
    private Path bundled;
    private Path user;
    private PluginInstaller installer;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        fixtures = PluginFixtures.build(dir);
    }

    @BeforeEach
    void directories() throws IOException {
        bundled = Files.createDirectories(work.resolve("home/plugins"));
        user = work.resolve("plugins");
        installer = new PluginInstaller(LOADER, List.of(bundled, user), bundled);
    }

    @Test
    void installsAJarThatThenLoadsFromTheDirectory() throws Exception {
        PluginInstaller.Installation done = installer.install(fixtures.good(), user, false);

        Path installed = user.resolve("acme-1.2.0.jar");
        assertThat(installed).hasSameBinaryContentAs(fixtures.good());
        assertThat(done.summary()).containsExactly("installed plugin 'acme' version 1.2.0 (measure acme-queue) as "
                + installed);
        assertThat(LOADER.load(List.of(bundled, user)).find(Kind.MEASURE, "acme-queue")).isPresent();
        assertThat(entries(user)).containsExactly("acme-1.2.0.jar");
    }

    @Test
    void installsAFolderWithTheLibraryItNeeds() throws Exception {
        // com.acme.logging requires org.slf4j, which only its folder has here.
        Path folder = work.resolve("slf4j-probe");
        PluginFixtures.copy(fixtures.slf4jProbe(), folder);
        PluginFixtures.copy(fixtures.slf4jOld(), folder);

        installer.install(folder, user, false);

        assertThat(entries(user.resolve("slf4j-probe"))).containsExactly("slf4j-api-1.7.36.jar",
                "slf4j-probe-1.0.jar");
        assertThat(LOADER.load(List.of(user)).find(Kind.MEASURE, "slf4j-probe")).isPresent();
    }

    @Test
    void installsAZipHoldingThePluginFolder() throws Exception {
        Path archive = Archives.zipFolder(probeFolder(), work.resolve("probe-1.0.zip"));

        installer.install(archive, user, false);

        assertThat(entries(user)).containsExactly("slf4j-probe");
        assertThat(LOADER.load(List.of(user)).find(Kind.MEASURE, "slf4j-probe")).isPresent();
    }

    @Test
    void installsAZipWithTheJarsAtItsTopUnderTheArchivesName() throws Exception {
        Path archive = Archives.zip(work.resolve("probe-1.0.zip"), Map.of(
                "slf4j-probe-1.0.jar", Files.readAllBytes(fixtures.slf4jProbe()),
                "slf4j-api-1.7.36.jar", Files.readAllBytes(fixtures.slf4jOld())));

        installer.install(archive, user, false);

        assertThat(entries(user.resolve("probe-1.0"))).containsExactly("slf4j-api-1.7.36.jar",
                "slf4j-probe-1.0.jar");
    }

    @Test
    void installsATarGzMadeByGnuTar() throws Exception {
        Path archive = Archives.gnuTar(probeFolder(), work.resolve("probe.tgz"));

        installer.install(archive, user, false);

        assertThat(LOADER.load(List.of(user)).find(Kind.MEASURE, "slf4j-probe").orElseThrow().pluginId())
                .isEqualTo("slf4j-probe");
    }

    @Test
    void refusesAnIncompatiblePluginSayingWhichApiItNeeds() throws Exception {
        String refusal = refused(fixtures.incompatible(), false);

        assertThat(refusal).isEqualTo(fixtures.incompatible() + ": built for autoscalebot API [2.0,3.0), this is "
                + "API 1.0; upgrade autoscalebot or use an acme-next release for API 1.x (nothing was installed)");
    }

    @Test
    void refusesACorruptJarAndAJarWithoutProviders() throws Exception {
        assertThat(refused(fixtures.corrupt(), false)).startsWith(fixtures.corrupt() + ": not a readable jar");
        assertThat(refused(fixtures.noProviders(), false))
                .startsWith(fixtures.noProviders() + ": offers no measure, decide, scale, notify or lease component");
    }

    @Test
    void namesTheArchiveWhenThePluginInItCannotLoad() throws Exception {
        Path archive = Archives.zip(work.resolve("probe.zip"), Map.of(
                "probe/slf4j-probe-1.0.jar", Files.readAllBytes(fixtures.slf4jProbe())));

        assertThat(refused(archive, false)).startsWith(archive + ": a library it needs is missing: Module "
                + "org.slf4j not found");
    }

    @Test
    void refusesAnUnsafeOrUnreadableArchive() throws Exception {
        Path traversal = Archives.zip(work.resolve("evil.zip"), Map.of("acme/../../evil.jar",
                Files.readAllBytes(fixtures.good())));
        Path corrupt = Files.write(work.resolve("corrupt.tar.gz"), new byte[] {1, 2, 3, 4});

        assertThat(refused(traversal, false)).contains("points outside the plugin folder");
        assertThat(refused(corrupt, false)).contains("not a readable .tar.gz archive");
        assertThat(work.resolve("evil.jar")).doesNotExist();
    }

    @Test
    void refusesWhatIsNoPlugin() throws Exception {
        Path text = Files.writeString(work.resolve("notes.txt"), "hello");
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path noJars = Archives.zip(work.resolve("docs.zip"), Map.of("README.md", new byte[] {'#'}));

        assertThat(refused(work.resolve("absent.jar"), false)).isEqualTo(work.resolve("absent.jar") + ": no such "
                + "file or folder; give the path of a plugin jar, a plugin folder, or a .zip, .tar.gz or .tgz of a "
                + "plugin folder");
        assertThat(refused(text, false)).startsWith(text + ": not a plugin; give a plugin .jar");
        assertThat(refused(empty, false)).startsWith(empty + ": holds no jar");
        assertThat(refused(noJars, false)).startsWith(noJars + ": holds neither jars at its top nor one folder");
    }

    @Test
    void refusesAPluginIdAlreadyInstalledUnlessReplacing() throws Exception {
        installer.install(fixtures.good(), user, false);
        Path newer = JarCopies.release(fixtures.good(), work.resolve("acme-1.3.0.jar"), "acme", "1.3.0");

        assertThat(refused(newer, false)).isEqualTo(newer + ": plugin id 'acme' is already taken by "
                + user.resolve("acme-1.2.0.jar") + " (version 1.2.0); add --replace to install version 1.3.0 in its "
                + "place");
    }

    @Test
    void replacesThePluginWithTheSameIdInOneMove() throws Exception {
        installer.install(fixtures.good(), user, false);
        Path newer = JarCopies.release(fixtures.good(), work.resolve("acme-1.3.0.jar"), "acme", "1.3.0");

        PluginInstaller.Installation done = installer.install(newer, user, true);

        assertThat(entries(user)).containsExactly("acme-1.3.0.jar");
        assertThat(done.summary()).containsExactly(
                "installed plugin 'acme' version 1.3.0 (measure acme-queue) as " + user.resolve("acme-1.3.0.jar"),
                "replaced plugin 'acme' version 1.2.0 (measure acme-queue), which was at "
                        + user.resolve("acme-1.2.0.jar"));
        assertThat(LOADER.load(List.of(user)).plugins()).singleElement()
                .satisfies(plugin -> assertThat(plugin.version()).isEqualTo("1.3.0"));
    }

    @Test
    void refusesAComponentIdAnotherPluginProvides() throws Exception {
        installer.install(fixtures.good(), user, false);
        Path fork = fixtures.sameComponent();

        assertThat(refused(fork, false)).isEqualTo(fork + ": measure 'acme-queue' is already provided by plugin "
                + "'acme' (" + user.resolve("acme-1.2.0.jar") + "); add --replace to install it in that plugin's "
                + "place");
        assertThat(refused(fork, true)).isNull();
        assertThat(entries(user)).containsExactly("acme-fork-1.0.jar");
    }

    @Test
    void refusesAComponentIdABundledPluginProvidesEvenWhenReplacing() throws Exception {
        PluginFixtures.copy(fixtures.good(), bundled);

        assertThat(refused(fixtures.sameComponent(), true)).contains("measure 'acme-queue' is already provided by "
                + "plugin 'acme' (" + bundled.resolve("acme-1.2.0.jar") + ", bundled with autoscalebot); a bundled "
                + "plugin cannot be replaced by another");
    }

    @Test
    void installsAHigherVersionBesideABundledOneOnlyWhenReplacing() throws Exception {
        PluginFixtures.copy(fixtures.good(), bundled);
        Path newer = JarCopies.release(fixtures.good(), work.resolve("acme-1.10.0.jar"), "acme", "1.10.0");

        assertThat(refused(newer, false)).contains("plugin id 'acme' is already taken by "
                + bundled.resolve("acme-1.2.0.jar") + ", bundled with autoscalebot (version 1.2.0); add --replace "
                + "to install version 1.10.0 beside it (the highest version is used)");
        PluginInstaller.Installation done = installer.install(newer, user, true);

        assertThat(done.summary()).contains("it is used instead of " + bundled.resolve("acme-1.2.0.jar")
                + " (version 1.2.0), which stays installed");
        assertThat(entries(bundled)).containsExactly("acme-1.2.0.jar");
        PluginCatalog catalog = LOADER.load(List.of(bundled, user));
        assertThat(catalog.plugins()).extracting(PluginInfo::version, PluginInfo::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1.2.0", PluginInfo.Status.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple("1.10.0", PluginInfo.Status.LOADED));
    }

    @Test
    void refusesAVersionThatABundledOneWouldOutrank() throws Exception {
        PluginFixtures.copy(fixtures.good(), bundled);
        Path older = JarCopies.release(fixtures.good(), work.resolve("acme-1.1.0.jar"), "acme", "1.1.0");

        assertThat(refused(older, true)).isEqualTo(older + ": version 1.1.0 would not be used: "
                + bundled.resolve("acme-1.2.0.jar") + " has plugin id 'acme' and version 1.2.0, and of two plugins "
                + "with one id the highest version is used; install a version above 1.2.0");
    }

    @Test
    void neverInstallsIntoTheDistributionsOwnPluginsFolder() throws Exception {
        InstallException refused = catchThrowableOfType(InstallException.class,
                () -> installer.install(fixtures.good(), bundled, false));

        assertThat(refused.getMessage()).startsWith(bundled + " is the distribution's own plugins folder");
        assertThat(entries(bundled)).isEmpty();
    }

    @Test
    void refusesAFileWithTheNameOfTheNewPluginThatItDoesNotReplace() throws Exception {
        Files.createDirectories(user);
        Files.writeString(user.resolve("acme-1.2.0.jar"), "a note, not a jar");

        // The note is listed as a broken plugin with id acme, so it takes the id.
        assertThat(refused(fixtures.good(), false)).contains("plugin id 'acme' is already taken by "
                + user.resolve("acme-1.2.0.jar"));
    }

    /**
     * Installs and expects a refusal that left the user's directory as it was.
     *
     * @return the message, or {@code null} when it was installed after all
     */
    private String refused(Path source, boolean replace) throws IOException {
        String before = DirectoryListing.of(user);
        try {
            installer.install(source, user, replace);
            return null;
        } catch (InstallException e) {
            assertThat(DirectoryListing.of(user)).as("the plugins directory after refusing " + source)
                    .isEqualTo(before);
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(".autoscalebot-install");
            return e.getMessage();
        }
    }

    private Path probeFolder() throws IOException {
        Path folder = work.resolve("source/slf4j-probe");
        PluginFixtures.copy(fixtures.slf4jProbe(), folder);
        PluginFixtures.copy(fixtures.slf4jOld(), folder);
        return folder;
    }

    private static List<String> entries(Path folder) throws IOException {
        try (var all = Files.list(folder)) {
            return all.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
