package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.MeasureProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of several real jars with one plugin id is loaded: the highest version built for this API. */
class PluginPrecedenceTest {

    private static PluginFixtures fixtures;

    @TempDir
    Path plugins;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        fixtures = PluginFixtures.build(dir);
    }

    @Test
    void theHighestVersionWinsWhateverItsFileNameAndDirectory() throws Exception {
        // Found first by directory and by name, and 1.9.0 sorts after 1.10.0 as text: neither may decide.
        Path older = JarCopies.release(fixtures.good(), plugins.resolve("first/zz-acme-1.9.0.jar"), "acme", "1.9.0");
        Path newer = JarCopies.release(fixtures.good(), plugins.resolve("second/aa-acme.jar"), "acme", "1.10.0");

        PluginCatalog catalog = load(plugins.resolve("first"), plugins.resolve("second"));

        assertThat(status(catalog, newer)).isEqualTo(PluginInfo.Status.LOADED);
        PluginInfo superseded = at(catalog, older);
        assertThat(superseded.status()).isEqualTo(PluginInfo.Status.DUPLICATE);
        assertThat(superseded.problem()).isEqualTo(older + ": plugin id 'acme' (version 1.9.0) is already taken by "
                + newer + " (version 1.10.0), the higher version; remove the older one");
        assertThat(catalog.find(Kind.MEASURE, "acme-queue")).isPresent();
        assertThat(catalog.problems()).containsExactly(superseded);
    }

    @Test
    void aReleaseWinsOverItsSnapshot() throws Exception {
        Path snapshot = JarCopies.release(fixtures.good(), plugins.resolve("acme-1.0.0-SNAPSHOT.jar"), "acme",
                "1.0.0-SNAPSHOT");
        Path release = JarCopies.release(fixtures.good(), plugins.resolve("acme-1.0.0.jar"), "acme", "1.0.0");

        PluginCatalog catalog = load(plugins);

        assertThat(status(catalog, release)).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(status(catalog, snapshot)).isEqualTo(PluginInfo.Status.DUPLICATE);
    }

    @Test
    void ofEqualVersionsTheOneFoundFirstWinsAndTheOtherNamesBoth() throws Exception {
        Path first = PluginFixtures.copy(fixtures.good(), plugins.resolve("distribution"));
        Path second = PluginFixtures.copy(fixtures.good(), plugins.resolve("user"));

        PluginCatalog catalog = load(plugins.resolve("distribution"), plugins.resolve("user"));

        assertThat(status(catalog, first)).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(at(catalog, second).problem()).isEqualTo(second + ": plugin id 'acme' (version 1.2.0) is already "
                + "taken by " + first + " (also version 1.2.0), found first; remove one of the two");
    }

    @Test
    void aPluginBuiltForThisApiWinsOverAHigherVersionBuiltForAnother() throws Exception {
        Path future = JarCopies.withManifest(fixtures.good(), plugins.resolve("acme-3.0.0.jar"),
                PluginDescriptor.VERSION, "3.0.0", PluginDescriptor.API_RANGE, "[2.0,3.0)");
        Path current = PluginFixtures.copy(fixtures.good(), plugins);

        PluginCatalog catalog = load(plugins);

        assertThat(status(catalog, current)).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(at(catalog, future).status()).isEqualTo(PluginInfo.Status.INCOMPATIBLE);
        assertThat(at(catalog, future).problem()).contains("built for autoscalebot API [2.0,3.0)");
    }

    @Test
    void aSupersededVersionIsNeverRun() throws Exception {
        // throwing-1.0.jar's provider throws in its constructor: loading it would make it BROKEN.
        Path throwing = PluginFixtures.copy(fixtures.throwing(), plugins);
        Path newer = JarCopies.release(fixtures.good(), plugins.resolve("throwing-2.0.jar"), "throwing", "2.0");

        PluginCatalog catalog = load(plugins);

        assertThat(status(catalog, newer)).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(status(catalog, throwing)).isEqualTo(PluginInfo.Status.DUPLICATE);
    }

    private static PluginCatalog load(Path... directories) {
        return new PluginLoader(MeasureProvider.class.getModule().getLayer(), ApiVersion.CURRENT,
                Duration.ofSeconds(5)).load(List.of(directories));
    }

    private static PluginInfo.Status status(PluginCatalog catalog, Path location) {
        return at(catalog, location).status();
    }

    private static PluginInfo at(PluginCatalog catalog, Path location) {
        return catalog.plugins().stream().filter(plugin -> location.equals(plugin.location())).findFirst()
                .orElseThrow(() -> new AssertionError("no plugin at " + location + " in " + catalog.plugins()));
    }
}
