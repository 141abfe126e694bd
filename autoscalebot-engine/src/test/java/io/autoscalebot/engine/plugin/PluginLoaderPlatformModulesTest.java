package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin sees of the platform: the modules the contract shares ({@link PlatformModules}) resolve to the
 * platform's copies; any other module the platform holds (the engine, its TOML reader) is refused, naming the file and
 * the module. Real jars compiled in the test, loaded under the layer the engine's tests run in, which holds the engine,
 * the API, Jackson and jackson-dataformat-toml as the distribution's does.
 */
class PluginLoaderPlatformModulesTest {

    private static PlatformModuleFixtures fixtures;
    private static ModuleLayer platform;

    @TempDir
    Path plugins;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        platform = MeasureProvider.class.getModule().getLayer();
        assertThat(platform).as("the engine tests run on the module path (surefire useModulePath)").isNotNull();
        assertThat(platform.findModule("com.fasterxml.jackson.dataformat.toml")).isPresent();
        fixtures = PlatformModuleFixtures.build(dir);
    }

    @Test
    void aPluginRequiringJacksonResolvesItFromThePlatform() throws Exception {
        PluginFixtures.copy(fixtures.jsonProbe(), plugins);

        PluginCatalog catalog = load();

        PluginInfo probe = only(catalog);
        assertThat(probe.status()).as(probe.problem()).isEqualTo(PluginInfo.Status.LOADED);
        Component component = catalog.find(Kind.MEASURE, "json-probe").orElseThrow();
        assertThat(component.loader().loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                .isSameAs(ObjectMapper.class);
        assertThat(component.provider().getClass().getModule().getLayer().modules()).extracting(Module::getName)
                .containsExactly("com.acme.json");
        assertThat(measure(component)).isEqualTo(Measurement.of(java.time.Instant.EPOCH, 42, "jackson-"
                + platformVersion("com.fasterxml.jackson.databind")));
    }

    @Test
    void aPluginFolderShippingAnOlderJacksonGetsThePlatformsCopy() throws Exception {
        Path folder = plugins.resolve("json-probe");
        PluginFixtures.copy(fixtures.jsonProbe(), folder);
        for (Path jar : fixtures.olderJackson()) {
            PluginFixtures.copy(jar, folder);
        }

        PluginCatalog catalog = load();

        PluginInfo probe = only(catalog);
        assertThat(probe.status()).as(probe.problem()).isEqualTo(PluginInfo.Status.LOADED);
        Component component = catalog.find(Kind.MEASURE, "json-probe").orElseThrow();
        assertThat(component.loader().loadClass("com.fasterxml.jackson.core.JsonFactory").getModule().getLayer())
                .isSameAs(platform);
        assertThat(platformVersion("com.fasterxml.jackson.databind")).isNotEqualTo("2.17.2");
        assertThat(measure(component).unit()).isEqualTo("jackson-" + platformVersion("com.fasterxml.jackson.databind"));
    }

    @Test
    void aPluginRequiringTheEngineIsRefusedNamingTheFileAndTheModule() throws Exception {
        PluginInfo sneaky = loadAlone(fixtures.engineUser());

        assertProblem(sneaky).contains(plugins.resolve("engine-user-1.0.jar") + ": module com.acme.sneaky requires "
                        + "module io.autoscalebot.engine, which autoscalebot does not share with plugins")
                .contains("a plugin may use only io.autoscalebot.api, com.fasterxml.jackson.databind")
                .contains("ask the plugin's author for a release built against autoscalebot-api only");
    }

    @Test
    void aPlainJarUsingTheEngineIsRefusedThoughJpmsLetsItReadEverything() throws Exception {
        PluginInfo sneaky = loadAlone(fixtures.plainEngineUser());

        assertProblem(sneaky).contains(plugins.resolve("plain-engine-user-1.0.jar") + ": module plain.engine.user "
                + "uses classes of module io.autoscalebot.engine, which autoscalebot does not share with plugins");
    }

    @Test
    void aSecondCopyOfAJarThatUsesTheEngineIsRefusedAsTheFirstIs() throws Exception {
        // One load reads a jar's classes once and reuses what it found for a copy with the same bytes (three bundled
        // plugins carry Jedis): the second copy must be refused as the first is, not pass unread.
        Path first = PluginFixtures.copy(fixtures.plainEngineUser(), plugins.resolve("one"));
        Path second = PluginFixtures.copy(fixtures.plainEngineUser(), plugins.resolve("two"));
        PluginLayers layers = new PluginLayers(platform);

        for (Path jar : List.of(first, second)) {
            assertThatThrownBy(() -> layers.define(List.of(jar), jar)).isInstanceOf(LoadProblem.class)
                    .hasMessageContaining(jar + ": module plain.engine.user uses classes of module"
                            + " io.autoscalebot.engine");
        }
    }

    @Test
    void aPluginRequiringAModuleThePlatformKeepsToItselfIsRefusedNamingTheFileAndTheModule() throws Exception {
        Path folder = plugins.resolve("toml-probe");
        PluginFixtures.copy(fixtures.tomlProbe(), folder);

        PluginInfo probe = only(load());

        assertProblem(probe).contains(folder + ": toml-probe-1.0.jar (module com.acme.toml) requires module "
                        + "com.fasterxml.jackson.dataformat.toml, which autoscalebot does not share with plugins")
                .contains("ship com.fasterxml.jackson.dataformat.toml in the plugin's folder");
    }

    @Test
    void aPluginFolderShippingItsOwnCopyOfAModuleThePlatformKeepsToItselfUsesItsOwn() throws Exception {
        Path folder = plugins.resolve("toml-probe");
        PluginFixtures.copy(fixtures.tomlProbe(), folder);
        PluginFixtures.copy(fixtures.toml(), folder);

        PluginCatalog catalog = load();

        PluginInfo probe = only(catalog);
        assertThat(probe.status()).as(probe.problem()).isEqualTo(PluginInfo.Status.LOADED);
        Component component = catalog.find(Kind.MEASURE, "toml-probe").orElseThrow();
        ModuleLayer own = component.provider().getClass().getModule().getLayer();
        assertThat(own.modules()).extracting(Module::getName)
                .containsExactlyInAnyOrder("com.acme.toml", "com.fasterxml.jackson.dataformat.toml");
        assertThat(own.findModule("com.fasterxml.jackson.databind").orElseThrow().getLayer()).isSameAs(platform);
        assertThat(measure(component).value()).isEqualTo(7);
    }

    @Test
    void aFolderWithAJarWithoutModuleInfoAndItsOwnCopyOfAPlatformModuleIsRefusedSayingWhy() throws Exception {
        // The library would read both copies of the TOML reader, its own and the platform's: JPMS refuses that.
        Path folder = plugins.resolve("toml-probe");
        PluginFixtures.copy(fixtures.tomlProbe(), folder);
        PluginFixtures.copy(fixtures.toml(), folder);
        PluginFixtures.copy(fixtures.plainLibrary(), folder);

        PluginInfo probe = only(load());

        assertProblem(probe).contains(folder + ": carries its own com.fasterxml.jackson.dataformat.toml, which"
                + " autoscalebot also holds, and a jar without module-info (module acme.util)");
    }

    @Test
    void listsEverySharedModuleWithTheVersionThePlatformHolds() {
        List<PlatformModules.Version> versions = PlatformModules.versionsIn(platform);

        assertThat(versions).extracting(version -> version.shared().module()).contains("io.autoscalebot.api",
                "com.fasterxml.jackson.databind", "com.fasterxml.jackson.core", "com.fasterxml.jackson.annotation");
        assertThat(versions).filteredOn(version -> version.shared().module().equals("com.fasterxml.jackson.databind"))
                .extracting(PlatformModules.Version::version)
                .containsExactly(ObjectMapper.class.getModule().getDescriptor().rawVersion().orElseThrow());
        assertThat(PlatformModules.isShared("java.net.http")).isTrue();
        assertThat(PlatformModules.isShared("jdk.httpserver")).isTrue();
        assertThat(PlatformModules.isShared("info.picocli")).isFalse();
        assertThat(PlatformModules.isShared("io.autoscalebot.engine")).isFalse();
    }

    @Test
    void theJsonListingNamesThePlatformModulesWithTheirVersions() throws Exception {
        JsonNode listing = new ObjectMapper().readTree(PluginListing.json(load()));

        JsonNode databind = null;
        for (JsonNode module : listing.path("platformModules")) {
            if (module.path("module").asText().equals("com.fasterxml.jackson.databind")) {
                databind = module;
            }
        }
        assertThat(databind).as(listing.toPrettyString()).isNotNull();
        assertThat(databind.path("artifact").asText()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
        assertThat(databind.path("version").asText()).isEqualTo(platformVersion("com.fasterxml.jackson.databind"));
    }

    private PluginCatalog load() {
        return new PluginLoader(platform, ApiVersion.CURRENT, Duration.ofSeconds(5)).load(List.of(plugins));
    }

    private PluginInfo loadAlone(Path jar) throws IOException {
        PluginFixtures.copy(jar, plugins);
        return only(load());
    }

    private static String platformVersion(String module) {
        return platform.findModule(module).orElseThrow().getDescriptor().rawVersion().orElseThrow();
    }

    private static AbstractStringAssert<?> assertProblem(PluginInfo plugin) {
        assertThat(plugin.status()).as(plugin.problem()).isEqualTo(PluginInfo.Status.BROKEN);
        assertThat(plugin.components()).isEmpty();
        return assertThat(plugin.problem());
    }

    private static PluginInfo only(PluginCatalog catalog) {
        assertThat(catalog.plugins()).hasSize(1);
        return catalog.plugins().get(0);
    }

    /** Creates the component with no settings and no context: the fixtures use neither. */
    private static Measurement measure(Component component) throws Exception {
        Measure measure = (Measure) component.call(() -> component.provider().create(null, null));
        return component.call(measure::measure);
    }
}
