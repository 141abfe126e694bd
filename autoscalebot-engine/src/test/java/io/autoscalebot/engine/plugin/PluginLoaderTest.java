package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.api.ApiVersion;
import io.autoscalebot.api.Kind;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.decide.Decide;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.measure.Measurement;
import io.autoscalebot.api.settings.Settings;
import io.autoscalebot.engine.context.InstanceContext;
import io.autoscalebot.engine.settings.SettingsResolver;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads real plugin jars from real directories into module layers, on the module path. */
class PluginLoaderTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private static PluginFixtures fixtures;
    /** The engine's layer as the distribution has it: the API, and slf4j-api 2.x shared with plugins. */
    private static ModuleLayer engineLayer;

    @TempDir
    Path plugins;

    @BeforeAll
    static void buildFixtures(@TempDir Path dir) throws Exception {
        ModuleLayer apiLayer = MeasureProvider.class.getModule().getLayer();
        assertThat(apiLayer).as("the engine tests run on the module path (surefire useModulePath)").isNotNull();
        fixtures = PluginFixtures.build(dir);
        Configuration slf4j = Configuration.resolve(ModuleFinder.of(fixtures.slf4jNew()),
                List.of(apiLayer.configuration()), ModuleFinder.of(), Set.of("org.slf4j"));
        engineLayer = ModuleLayer.defineModulesWithOneLoader(slf4j, List.of(apiLayer),
                ClassLoader.getPlatformClassLoader()).layer();
    }

    @Test
    void aGoodThirdPartyJarIsListedAndItsProviderCreatesAWorkingMeasure() throws Exception {
        PluginFixtures.copy(fixtures.good(), plugins);

        PluginCatalog catalog = load(plugins);

        PluginInfo acme = only(catalog);
        assertThat(acme.status()).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(acme.problem()).isEmpty();
        assertThat(acme.id()).isEqualTo("acme");
        assertThat(acme.version()).isEqualTo("1.2.0");
        assertThat(acme.apiRange()).isEqualTo("[1.0,2.0)");
        assertThat(acme.location()).isEqualTo(plugins.resolve("acme-1.2.0.jar"));
        assertThat(acme.kinds()).containsExactly(Kind.MEASURE);
        Component queue = catalog.find(Kind.MEASURE, "acme-queue").orElseThrow();
        assertThat(queue.pluginId()).isEqualTo("acme");
        assertThat(queue.provider().getClass().getModule().getName()).isEqualTo("com.acme.queue");
        assertThat(measure(queue)).isEqualTo(Measurement.of(NOW, 42, "tasks"));
    }

    @Test
    void aPluginBuiltForAnotherApiIsIncompatibleAndSaysWhatToDo() throws Exception {
        PluginInfo next = loadAlone(fixtures.incompatible());

                assertThat(next.apiRange()).isEqualTo("[2.0,3.0)");
        assertProblem(next, PluginInfo.Status.INCOMPATIBLE)
                .contains(plugins.resolve("acme-next-2.0.0.jar") + ": built for autoscalebot API "
                        + "[2.0,3.0), this is API 1.0; upgrade autoscalebot or use an acme-next release for API 1.x");
    }

    @Test
    void aCorruptJarIsBrokenAndNamesTheFile() throws Exception {
        PluginInfo corrupt = loadAlone(fixtures.corrupt());

        assertThat(corrupt.id()).isEqualTo("corrupt");
        assertProblem(corrupt, PluginInfo.Status.BROKEN)
                .startsWith(plugins.resolve("corrupt.jar") + ": not a readable jar")
                .contains("replace it with a fresh copy");
    }

    @Test
    void aLowerVersionOfAPluginIsADuplicateNamingBothFilesAndVersions() throws Exception {
        PluginFixtures.copy(fixtures.good(), plugins);
        PluginFixtures.copy(fixtures.sameId(), plugins);

        PluginCatalog catalog = load(plugins);

        assertThat(catalog.plugins()).extracting(PluginInfo::status)
                .containsExactly(PluginInfo.Status.LOADED, PluginInfo.Status.DUPLICATE);
        assertThat(catalog.plugins().get(1).problem()).contains(plugins.resolve("zz-acme-copy.jar")
                + ": plugin id 'acme' (version 1.0.0) is already taken by " + plugins.resolve("acme-1.2.0.jar")
                + " (version 1.2.0), the higher version; remove the older one");
        assertThat(catalog.components(Kind.MEASURE)).extracting(Component::pluginId).containsExactly("acme");
    }

    @Test
    void aSecondComponentWithTheSameKindAndIdIsADuplicateNamingBothFiles() throws Exception {
        // "acme-1.2.0.jar" sorts before "acme-fork-1.0.jar", so acme is found first.
        PluginFixtures.copy(fixtures.good(), plugins);
        PluginFixtures.copy(fixtures.sameComponent(), plugins);

        PluginCatalog catalog = load(plugins);

        PluginInfo fork = catalog.plugins().get(1);
        assertThat(fork.id()).isEqualTo("acme-fork");
        assertProblem(fork, PluginInfo.Status.DUPLICATE)
                .contains(plugins.resolve("acme-fork-1.0.jar") + ": measure 'acme-queue' is already "
                        + "provided by " + plugins.resolve("acme-1.2.0.jar"));
        assertThat(catalog.find(Kind.MEASURE, "acme-queue").orElseThrow().pluginId()).isEqualTo("acme");
    }

    @Test
    void aJarWithoutProvidersIsBrokenAndSaysHowToDeclareThem() throws Exception {
        PluginInfo empty = loadAlone(fixtures.noProviders());

        assertProblem(empty, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("empty-1.0.jar") + ": offers no measure, decide, scale, "
                        + "notify or lease component").contains("provides io.autoscalebot.api.measure.MeasureProvider with");
    }

    @Test
    void aPlainAutomaticModuleJarLoadsWithItsIdAndVersionFromTheFileName() throws Exception {
        PluginFixtures.copy(fixtures.plain(), plugins);

        PluginCatalog catalog = load(plugins);

        PluginInfo gauge = only(catalog);
        assertThat(gauge.status()).as(gauge.problem()).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(gauge.id()).isEqualTo("plain-gauge");
        assertThat(gauge.version()).isEqualTo("0.3");
        assertThat(gauge.apiRange()).isEqualTo("*");
        Component component = catalog.find(Kind.DECIDE, "plain-gauge").orElseThrow();
        assertThat(component.provider().getClass().getModule().getDescriptor().isAutomatic()).isTrue();
        Decide decide = (Decide) component.call(() -> component.provider().create(settings(), context()));
        assertThat(decide.decide(null).reason()).isEqualTo("gauge says hold");
    }

    @Test
    void aFolderPluginSharesTheEnginesCopyOfAModuleItAlsoBundles() throws Exception {
        Path folder = plugins.resolve("slf4j-probe");
        PluginFixtures.copy(fixtures.slf4jProbe(), folder);
        PluginFixtures.copy(fixtures.slf4jOld(), folder);

        PluginCatalog catalog = load(plugins);

        PluginInfo probe = only(catalog);
        assertThat(probe.status()).as(probe.problem()).isEqualTo(PluginInfo.Status.LOADED);
        assertThat(probe.location()).isEqualTo(folder);
        Component component = catalog.find(Kind.MEASURE, "slf4j-probe").orElseThrow();
        ModuleLayer pluginLayer = component.provider().getClass().getModule().getLayer();
        assertThat(pluginLayer.modules()).extracting(Module::getName).containsExactly("com.acme.logging");
        assertThat(pluginLayer.findModule("org.slf4j").orElseThrow().getLayer()).isSameAs(engineLayer);
        assertThat(component.loader().loadClass("org.slf4j.LoggerFactory"))
                .isSameAs(engineLayer.findLoader("org.slf4j").loadClass("org.slf4j.LoggerFactory"));
        assertThat(measure(component).unit()).isEqualTo("slf4j-2");
    }

    @Test
    void aFolderPluginMissingALibraryIsBrokenAndSaysWhichModuleIsMissing() throws Exception {
        PluginFixtures.copy(fixtures.slf4jProbe(), plugins.resolve("slf4j-probe"));
        // The API's own layer has no org.slf4j, unlike the distribution's.
        PluginLoader loader = new PluginLoader(MeasureProvider.class.getModule().getLayer(), ApiVersion.CURRENT,
                Duration.ofSeconds(5));

        PluginInfo probe = only(loader.load(List.of(plugins)));

        assertProblem(probe, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("slf4j-probe") + ": a library it needs is missing: Module "
                        + "org.slf4j not found, required by com.acme.logging")
                .contains("put the missing library jar next to");
    }

    @Test
    void aJarBundlingTheApiPackageIsBrokenAndSaysNotToBundleIt() throws Exception {
        PluginInfo fat = loadAlone(fixtures.bundlesApi());

        assertProblem(fat, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("fat-1.0.jar") + ": cannot be loaded beside autoscalebot's "
                        + "own modules: Module fat contains package io.autoscalebot.api")
                .contains("the plugin must not bundle classes autoscalebot ships");
    }

    @Test
    void aMisspelledManifestAttributeIsBrokenAndNamesTheAttribute() throws Exception {
        PluginInfo typo = loadAlone(fixtures.misspelled());

        assertThat(typo.id()).isEqualTo("typo");
        assertProblem(typo, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("typo-1.0.jar") + ": unknown manifest attribute "
                        + "Autoscalebot-Plugin-Verison");
    }

    @Test
    void aProviderWhoseIdIsNotLowerCaseDashesIsBroken() throws Exception {
        PluginInfo badId = loadAlone(fixtures.badId());

        assertProblem(badId, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("bad-id-1.0.jar") + ": com.broken.badid.BadIdProvider has "
                        + "id 'Bad_Id', which is not lower-case letters, digits and dashes");
    }

    @Test
    void aProviderThatThrowsInItsConstructorIsBrokenWithItsMessage() throws Exception {
        PluginInfo throwing = loadAlone(fixtures.throwing());

        assertProblem(throwing, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("throwing-1.0.jar") + ": com.broken.throwing."
                        + "ThrowingProvider failed while loading: IllegalStateException: cannot find acme.properties");
    }

    @Test
    void aProviderThatHangsIsBrokenOnceTheLoadTimeoutPasses() throws Exception {
        PluginFixtures.copy(fixtures.hanging(), plugins);
        PluginFixtures.copy(fixtures.good(), plugins);
        // The good plugin gets the same timeout: it must be ample on a busy machine, not a race with the scheduler.
        PluginLoader loader = new PluginLoader(engineLayer, ApiVersion.CURRENT, Duration.ofSeconds(3));

        PluginCatalog catalog = loader.load(List.of(plugins));

        PluginInfo hanging = catalog.plugins().get(1);
        assertProblem(hanging, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("hanging-1.0.jar") + ": its providers did not finish "
                        + "loading within 3000 ms");
        assertThat(catalog.find(Kind.MEASURE, "acme-queue")).as(catalog.plugins().get(0).problem()).isPresent();
    }

    @Test
    void aPluginAfterOneThatHangsStillLoads() throws Exception {
        // Found after the hanging one: the thread it hangs on is given up and this one gets a new thread.
        PluginFixtures.copy(fixtures.hanging(), plugins);
        Files.copy(fixtures.good(), plugins.resolve("zz-acme-1.2.0.jar"));
        PluginLoader loader = new PluginLoader(engineLayer, ApiVersion.CURRENT, Duration.ofSeconds(3));

        PluginCatalog catalog = loader.load(List.of(plugins));

        assertProblem(catalog.plugins().get(0), PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("hanging-1.0.jar") + ": its providers did not finish loading within 3000 ms");
        assertThat(catalog.plugins().get(1).status()).as(catalog.plugins().get(1).problem())
                .isEqualTo(PluginInfo.Status.LOADED);
        assertThat(catalog.find(Kind.MEASURE, "acme-queue")).isPresent();
    }

    @Test
    void everyBrokenPluginIsListedInDiscoveryOrderWhileTheGoodOnesWork() throws Exception {
        Path distribution = plugins.resolve("distribution");
        Path user = plugins.resolve("user");
        for (Path jar : List.of(fixtures.good(), fixtures.corrupt(), fixtures.noProviders(), fixtures.badId(),
                fixtures.throwing(), fixtures.incompatible())) {
            PluginFixtures.copy(jar, distribution);
        }
        PluginFixtures.copy(fixtures.plain(), user);
        PluginFixtures.copy(fixtures.sameId(), user);

        PluginCatalog catalog = load(distribution, plugins.resolve("missing"), user);

        assertThat(catalog.plugins()).extracting(PluginInfo::id, PluginInfo::status).containsExactly(
                tuple("acme", PluginInfo.Status.LOADED),
                tuple("acme-next", PluginInfo.Status.INCOMPATIBLE),
                tuple("bad-id", PluginInfo.Status.BROKEN),
                tuple("corrupt", PluginInfo.Status.BROKEN),
                tuple("empty", PluginInfo.Status.BROKEN),
                tuple("throwing", PluginInfo.Status.BROKEN),
                tuple("plain-gauge", PluginInfo.Status.LOADED),
                tuple("acme", PluginInfo.Status.DUPLICATE));
        assertThat(catalog.problems()).hasSize(6)
                .allSatisfy(problem -> assertThat(problem.problem()).contains(problem.location().toString()));
        assertThat(measure(catalog.find(Kind.MEASURE, "acme-queue").orElseThrow()).value()).isEqualTo(42);
        assertThat(catalog.find(Kind.DECIDE, "plain-gauge")).isPresent();
    }

    @Test
    void aMissingDirectoryIsSkipped() {
        PluginCatalog catalog = load(plugins.resolve("does-not-exist"));

        assertThat(catalog.plugins()).isEmpty();
    }

    @Test
    void filesThatAreNeitherJarsNorFoldersAreIgnored() throws Exception {
        Files.writeString(plugins.resolve("README.txt"), "drop plugin jars here");
        PluginFixtures.copy(fixtures.good(), plugins.resolve(".hidden"));

        assertThat(load(plugins).plugins()).isEmpty();
    }

    @Test
    void foldersWithoutAnyJarAreNotPlugins() throws Exception {
        // A source checkout's plugins/ folder holds Maven modules, and is the user's ./plugins when run from there.
        Path module = Files.createDirectories(plugins.resolve("response-time/src/main/java"));
        Files.writeString(module.getParent().getParent().getParent().resolve("pom.xml"), "<project/>");

        assertThat(load(plugins).plugins()).isEmpty();
    }

    @Test
    void aFolderWithoutAPluginJarIsBrokenAndSaysWhatItNeeds() throws Exception {
        PluginFixtures.copy(fixtures.slf4jOld(), plugins.resolve("libs-only"));

        PluginInfo folder = only(load(plugins));

        assertProblem(folder, PluginInfo.Status.BROKEN)
                .contains(plugins.resolve("libs-only") + ": this plugin folder has no jar whose "
                        + "manifest has Autoscalebot-Plugin-Id");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static PluginCatalog load(Path... directories) {
        return new PluginLoader(engineLayer, ApiVersion.CURRENT, Duration.ofSeconds(5)).load(List.of(directories));
    }

    private PluginInfo loadAlone(Path jar) throws IOException {
        PluginFixtures.copy(jar, plugins);
        return only(load(plugins));
    }

    /** Checks the plugin was refused with that status and no components, and returns its problem to check. */
    private static AbstractStringAssert<?> assertProblem(PluginInfo plugin, PluginInfo.Status status) {
        assertThat(plugin.status()).as(plugin.problem()).isEqualTo(status);
        assertThat(plugin.components()).isEmpty();
        return assertThat(plugin.problem());
    }

    private static PluginInfo only(PluginCatalog catalog) {
        assertThat(catalog.plugins()).hasSize(1);
        return catalog.plugins().get(0);
    }

    private static Measurement measure(Component component) throws Exception {
        Settings defaults = SettingsResolver.resolve(component.provider().settings(), Map.of());
        Measure measure = (Measure) component.call(() -> component.provider().create(defaults, context()));
        return component.call(measure::measure);
    }

    private static Settings settings() throws Exception {
        return SettingsResolver.resolve(List.of(), Map.of());
    }

    private static PluginContext context() {
        return new InstanceContext("web", Clock.fixed(NOW, ZoneOffset.UTC), System.getLogger("test"),
                Path.of("state"), false, "fixture", "1.0.0");
    }
}
