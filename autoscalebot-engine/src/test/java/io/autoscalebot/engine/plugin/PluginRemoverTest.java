package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing real plugins from the user's directories by plugin id or component id; bundled ones stay. */
class PluginRemoverTest {

    private static final PluginLoader LOADER = new PluginLoader(MeasureProvider.class.getModule().getLayer(),
            ApiVersion.CURRENT, Duration.ofSeconds(5));

    private static PluginFixtures fixtures;

    @TempDir
    Path work;
    private Path bundled;
    private Path user;
    private Path extra;
    private PluginRemover remover;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        fixtures = PluginFixtures.build(dir);
    }

    @BeforeEach
    void directories() throws IOException {
        bundled = Files.createDirectories(work.resolve("home/plugins"));
        user = Files.createDirectories(work.resolve("plugins"));
        extra = Files.createDirectories(work.resolve("more-plugins"));
        remover = new PluginRemover(List.of(bundled, user, extra), bundled);
    }

    @Test
    void removesAPluginByItsIdFromEveryUserDirectory() throws Exception {
        PluginFixtures.copy(fixtures.good(), user);
        JarCopies.release(fixtures.good(), extra.resolve("acme-1.3.0.jar"), "acme", "1.3.0");

        PluginRemover.Removal done = remover.remove(catalog(), "acme");

        assertThat(done.summary()).containsExactly(
                "removed plugin 'acme' version 1.2.0 (no components) from " + user.resolve("acme-1.2.0.jar"),
                "removed plugin 'acme' version 1.3.0 (measure acme-queue) from " + extra.resolve("acme-1.3.0.jar"));
        assertThat(entries(user)).isEmpty();
        assertThat(entries(extra)).isEmpty();
    }

    @Test
    void removesAFolderPluginWithItsLibrariesAndLeavesTheOthers() throws Exception {
        Path folder = user.resolve("slf4j-probe");
        PluginFixtures.copy(fixtures.slf4jProbe(), folder);
        PluginFixtures.copy(fixtures.slf4jOld(), folder);
        PluginFixtures.copy(fixtures.plain(), user);

        PluginRemover.Removal done = remover.remove(catalog(), "slf4j-probe");

        assertThat(done.removed()).extracting(PluginInfo::location).containsExactly(folder);
        assertThat(entries(user)).containsExactly("plain-gauge-0.3.jar");
    }

    @Test
    void removesByComponentIdWhenThePluginIdDiffers() throws Exception {
        PluginFixtures.copy(fixtures.good(), user);

        PluginRemover.Removal done = remover.remove(catalog(), "acme-queue");

        assertThat(done.byComponent()).isTrue();
        assertThat(done.summary().get(0)).isEqualTo("'acme-queue' is a component of plugin 'acme'");
        assertThat(entries(user)).isEmpty();
    }

    @Test
    void removesABrokenPluginByTheIdItsListedWith() throws Exception {
        PluginFixtures.copy(fixtures.corrupt(), user);

        remover.remove(catalog(), "corrupt");

        assertThat(entries(user)).isEmpty();
    }

    @Test
    void refusesToRemoveABundledPlugin() throws Exception {
        PluginFixtures.copy(fixtures.good(), bundled);
        String before = DirectoryListing.of(bundled);

        InstallException refused = catchThrowableOfType(InstallException.class,
                () -> remover.remove(catalog(), "acme-queue"));

        assertThat(refused.getMessage()).isEqualTo("'acme-queue' is a component of plugin 'acme', which is bundled "
                + "with autoscalebot (" + bundled.resolve("acme-1.2.0.jar") + ") and cannot be removed; stop using it "
                + "in your configuration instead, or install a newer version over it with plugins install --replace");
        assertThat(DirectoryListing.of(bundled)).isEqualTo(before);
    }

    @Test
    void removingAnUpgradeOfABundledPluginSaysTheBundledOneStays() throws Exception {
        PluginFixtures.copy(fixtures.good(), bundled);
        JarCopies.release(fixtures.good(), user.resolve("acme-1.3.0.jar"), "acme", "1.3.0");

        PluginRemover.Removal done = remover.remove(catalog(), "acme");

        assertThat(done.summary()).containsExactly(
                "removed plugin 'acme' version 1.3.0 (measure acme-queue) from " + user.resolve("acme-1.3.0.jar"),
                "still installed, bundled with autoscalebot: plugin 'acme' version 1.2.0 at "
                        + bundled.resolve("acme-1.2.0.jar"));
    }

    @Test
    void anUnknownIdListsTheInstalledPlugins() throws Exception {
        PluginFixtures.copy(fixtures.good(), user);
        PluginFixtures.copy(fixtures.plain(), bundled);

        InstallException refused = catchThrowableOfType(InstallException.class,
                () -> remover.remove(catalog(), "acme-queu"));

        assertThat(refused.getMessage()).isEqualTo("no installed plugin has the id or component id 'acme-queu'; "
                + "installed in " + user + ", " + extra + ": acme (measure acme-queue)");
    }

    @Test
    void anUnknownIdWithNothingInstalledSaysSo() {
        InstallException refused = catchThrowableOfType(InstallException.class,
                () -> remover.remove(catalog(), "acme"));

        assertThat(refused.getMessage()).isEqualTo("no installed plugin has the id or component id 'acme'; no "
                + "plugins are installed in " + user + ", " + extra + " (bundled plugins cannot be removed)");
    }

    /** @return every name in the folder, hidden ones included: nothing may be left behind */
    private static List<String> entries(Path folder) throws IOException {
        try (var all = Files.list(folder)) {
            return all.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private PluginCatalog catalog() {
        return LOADER.load(List.of(bundled, user, extra));
    }
}
