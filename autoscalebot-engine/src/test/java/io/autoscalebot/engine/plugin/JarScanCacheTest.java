package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.measure.MeasureProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reading a jar's classes found is kept between runs ({@link JarScanCache}) and used only for the jar as it was
 * read: a changed jar is read again, and a corrupt or unwritable cache changes nothing but speed. The jar that uses the
 * engine's classes (refused, see {@link PluginLoaderPlatformModulesTest}) shows which answer a load went by.
 */
class JarScanCacheTest {

    private static PlatformModuleFixtures fixtures;
    private static ModuleLayer platform;

    @TempDir
    Path plugins;
    @TempDir
    Path cache;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        platform = MeasureProvider.class.getModule().getLayer();
        fixtures = PlatformModuleFixtures.build(dir);
    }

    @Test
    void aLoadKeepsWhatItReadAndAnotherLoadGivesTheSameAnswer() throws Exception {
        PluginFixtures.copy(fixtures.plainEngineUser(), plugins);

        for (int load = 0; load < 2; load++) {
            PluginCatalog catalog = new PluginLoader(platform, ApiVersion.CURRENT, Duration.ofSeconds(5), cache)
                    .load(List.of(plugins));

            assertThat(catalog.plugins()).singleElement().satisfies(plugin -> {
                assertThat(plugin.status()).isEqualTo(PluginInfo.Status.BROKEN);
                assertThat(plugin.problem()).contains("uses classes of module io.autoscalebot.engine");
            });
            assertThat(entries()).hasSize(1);
        }
    }

    @Test
    void anUnchangedJarIsNotReadAgainButAnsweredFromItsEntry() throws Exception {
        Path jar = PluginFixtures.copy(fixtures.plainEngineUser(), plugins);
        Path entry = entryAfterRefusing(jar);
        // Edited by hand to say the jar refers to nothing: a load that went by the entry now accepts the jar.
        String kept = Files.readString(entry);
        Files.writeString(entry, kept.substring(0, kept.indexOf("packages=")) + "packages=\n");

        assertThat(define(jar).modules()).extracting(Module::getName).containsExactly("plain.engine.user");
    }

    @Test
    void aJarChangedSinceItWasReadIsReadAgain() throws Exception {
        // First a harmless library under the name the refused jar will have, kept as harmless.
        Path jar = plugins.resolve(fixtures.plainEngineUser().getFileName());
        Files.copy(fixtures.plainLibrary(), jar);
        assertThat(define(jar).modules()).isNotEmpty();
        assertThat(entries()).hasSize(1);

        Path replacement = Files.copy(fixtures.plainEngineUser(), plugins.resolve("replacement.tmp"));
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(jar));
        Files.move(replacement, jar, StandardCopyOption.REPLACE_EXISTING);

        assertRefused(jar);
    }

    @Test
    void aCorruptEntryIsReadAsNoEntryAndReplaced() throws Exception {
        Path jar = PluginFixtures.copy(fixtures.plainEngineUser(), plugins);
        Path entry = entryAfterRefusing(jar);
        String kept = Files.readString(entry);

        for (byte[] corrupt : List.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1},
                kept.substring(0, kept.length() / 2).getBytes(StandardCharsets.UTF_8),
                (kept + "packages=\n").getBytes(StandardCharsets.UTF_8), new byte[0])) {
            Files.write(entry, corrupt);

            assertRefused(jar);
            assertThat(Files.readString(entry)).isEqualTo(kept);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsSpeed() throws Exception {
        Path jar = PluginFixtures.copy(fixtures.plainEngineUser(), plugins);
        // A file where the cache folder should be: nothing can be written under it, even by root.
        Path blocked = Files.writeString(cache.resolve("not-a-folder"), "x");

        for (int load = 0; load < 2; load++) {
            assertThatThrownBy(() -> new PluginLayers(platform, new JarScanCache(blocked.resolve("jar-scans")))
                    .define(List.of(jar), jar)).isInstanceOf(LoadProblem.class)
                    .hasMessageContaining("uses classes of module io.autoscalebot.engine");
        }
        assertThat(Files.readString(blocked)).isEqualTo("x");
    }

    /** @return the one entry the refusal kept */
    private Path entryAfterRefusing(Path jar) throws IOException {
        assertRefused(jar);
        assertThat(entries()).hasSize(1);
        return entries().get(0);
    }

    private ModuleLayer define(Path jar) throws Exception {
        return new PluginLayers(platform, new JarScanCache(cache)).define(List.of(jar), jar);
    }

    private void assertRefused(Path jar) {
        assertThatThrownBy(() -> define(jar))
                .isInstanceOf(LoadProblem.class)
                .hasMessageContaining(jar + ": module plain.engine.user uses classes of module io.autoscalebot.engine");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }
}
