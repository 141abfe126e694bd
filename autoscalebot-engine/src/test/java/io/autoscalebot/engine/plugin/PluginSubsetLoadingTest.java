package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading only the plugins a command needs, by the component index of their manifests
 * ({@link PluginLoader#loadOffering}), and falling back to every plugin when the index cannot tell.
 */
class PluginSubsetLoadingTest {

    private static PluginFixtures fixtures;

    @TempDir
    Path plugins;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        assertThat(MeasureProvider.class.getModule().getLayer())
                .as("the engine tests run on the module path (surefire useModulePath)").isNotNull();
        fixtures = PluginFixtures.build(dir);
    }

    @Test
    void aCommandNeedingOneComponentLoadsOnlyThePluginWhoseIndexListsIt() throws Exception {
        indexed(fixtures.good(), "acme-queue");
        // Both would fail if loaded: a constructor that throws, one that never returns.
        indexed(fixtures.throwing(), "throwing");
        indexed(fixtures.hanging(), "hanging");

        PluginCatalog catalog = loader().loadOffering(List.of(plugins), Set.of("acme-queue"));

        assertThat(catalog.plugins()).extracting(PluginInfo::id, PluginInfo::status)
                .containsExactly(tuple("acme", PluginInfo.Status.LOADED));
        assertThat(catalog.find(Kind.MEASURE, "acme-queue")).isPresent();
        assertThat(catalog.notLoaded()).containsExactly(plugins.resolve("hanging-1.0.jar"),
                plugins.resolve("throwing-1.0.jar"));
        assertThat(catalog.complete()).isFalse();
    }

    @Test
    void anIdInNoIndexLoadsEveryPluginAsAFullLoadDoes() throws Exception {
        indexed(fixtures.good(), "acme-queue");
        indexed(fixtures.throwing(), "throwing");

        PluginCatalog subset = loader().loadOffering(List.of(plugins), Set.of("acme-queue", "acme-qeue"));
        PluginCatalog full = loader().load(List.of(plugins));

        assertThat(subset.complete()).isTrue();
        assertThat(subset.plugins()).extracting(PluginInfo::id, PluginInfo::status, PluginInfo::problem)
                .isEqualTo(full.plugins().stream().map(p -> tuple(p.id(), p.status(),
                        p.problem())).toList());
        assertThat(subset.plugins()).extracting(PluginInfo::status)
                .containsExactly(PluginInfo.Status.LOADED, PluginInfo.Status.BROKEN);
    }

    @Test
    void aPluginWithoutAnIndexIsAlwaysLoadedSinceItMayOfferTheComponent() throws Exception {
        indexed(fixtures.good(), "acme-queue");
        PluginFixtures.copy(fixtures.plain(), plugins);
        indexed(fixtures.throwing(), "throwing");

        PluginCatalog catalog = loader().loadOffering(List.of(plugins), Set.of("acme-queue"));

        assertThat(catalog.plugins()).extracting(PluginInfo::id).containsExactly("acme", "plain-gauge");
        assertThat(catalog.find(Kind.DECIDE, "plain-gauge")).isPresent();
        assertThat(catalog.notLoaded()).containsExactly(plugins.resolve("throwing-1.0.jar"));
    }

    @Test
    void aPluginWhoseIndexDisagreesWithItsProvidersIsBrokenSayingWhatToList() throws Exception {
        indexed(fixtures.good(), "acme-queue, acme-lag");

        PluginCatalog catalog = loader().loadOffering(List.of(plugins), Set.of("acme-queue"));

        PluginInfo acme = catalog.plugins().get(0);
        assertThat(acme.status()).isEqualTo(PluginInfo.Status.BROKEN);
        assertThat(acme.problem()).isEqualTo(plugins.resolve("acme-1.2.0.jar") + ": its manifest's "
                + "Autoscalebot-Components lists acme-lag, acme-queue but its providers offer acme-queue; list exactly "
                + "the ids its providers offer, or remove the attribute");
        assertThat(loader().load(List.of(plugins)).plugins().get(0).problem()).isEqualTo(acme.problem());
    }

    @Test
    void anIncompatiblePluginIsStillReportedWhenTheCommandNeedsNoneOfItsComponents() throws Exception {
        indexed(fixtures.good(), "acme-queue");
        indexed(fixtures.incompatible(), "acme-queue-next");

        PluginCatalog catalog = loader().loadOffering(List.of(plugins), Set.of("acme-queue"));

        assertThat(catalog.plugins()).extracting(PluginInfo::id, PluginInfo::status).containsExactly(
                tuple("acme", PluginInfo.Status.LOADED),
                tuple("acme-next", PluginInfo.Status.INCOMPATIBLE));
        assertThat(catalog.complete()).isTrue();
    }

    @Test
    void theLowerVersionOfAPluginIsListedAsADuplicateWhetherOrNotItIsNeeded() throws Exception {
        indexed(fixtures.good(), "acme-queue");
        indexed(fixtures.sameId(), "acme-queue");
        indexed(fixtures.throwing(), "throwing");

        PluginCatalog catalog = loader().loadOffering(List.of(plugins), Set.of("throwing"));

        assertThat(catalog.plugins()).extracting(PluginInfo::id, PluginInfo::status).containsExactly(
                tuple("throwing", PluginInfo.Status.BROKEN),
                tuple("acme", PluginInfo.Status.DUPLICATE));
        assertThat(catalog.notLoaded()).containsExactly(plugins.resolve("acme-1.2.0.jar"));
    }

    private static PluginLoader loader() {
        return new PluginLoader(MeasureProvider.class.getModule().getLayer(), ApiVersion.CURRENT,
                Duration.ofSeconds(5));
    }

    /** Copies a fixture jar into the plugins directory with {@code Autoscalebot-Components: ids} in its manifest. */
    private Path indexed(Path jar, String ids) throws IOException {
        Path copy = plugins.resolve(jar.getFileName());
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue(PluginDescriptor.COMPONENTS, ids);
            try (OutputStream file = Files.newOutputStream(copy);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }
}
