package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin loading with real jars built by the reactor: a third-party jar dropped into a plugins directory is listed and
 * used; an incompatible, a corrupt and a duplicate jar are each listed with a message naming the file while the other
 * plugins keep working; a plugin folder bundling its own copy of a module the engine has still loads.
 */
class PluginLoadingIT {

    private static final String THIRD_PARTY = "file-value-plugin-0.9.0.jar";
    private static final String SECOND_COPY = "second-copy-of-file-value.jar";
    private static final String INCOMPATIBLE = "file-value-for-api-2.jar";
    private static final String CORRUPT = "broken-plugin.jar";

    @TempDir
    static Path work;
    private static Cli cli;
    /** The third-party jar, and the same jar again under another name (found second: names are sorted). */
    private static Path thirdPartyDirectory;
    /** The third-party jar rewritten for API 2, and random bytes named like a jar. */
    private static Path unusableDirectory;
    private static String thirdPartyListing;
    private static String unusableListing;
    private static FakeHerokuApi app;

    @BeforeAll
    static void dropPluginsIn() throws IOException {
        cli = Cli.of(Distribution.home(), work);
        thirdPartyDirectory = Files.createDirectories(work.resolve("third-party"));
        Files.copy(Distribution.thirdPartyJar(), thirdPartyDirectory.resolve(THIRD_PARTY));
        Files.copy(Distribution.thirdPartyJar(), thirdPartyDirectory.resolve(SECOND_COPY));
        unusableDirectory = Files.createDirectories(work.resolve("unusable"));
        PluginFiles.withApiRange(Distribution.thirdPartyJar(), "[2.0,3.0)", unusableDirectory.resolve(INCOMPATIBLE));
        PluginFiles.corrupt(unusableDirectory.resolve(CORRUPT));
        thirdPartyListing = listJson(thirdPartyDirectory);
        unusableListing = listJson(unusableDirectory);
        app = FakeHerokuApi.start("shop", "unused-token");
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void listsTheThirdPartyJarAsLoadedWithItsVersion() {
        JsonNode plugin = Json.pluginAt(thirdPartyListing, THIRD_PARTY);

        assertThat(plugin.path("id").asText()).isEqualTo("file-value");
        assertThat(plugin.path("status").asText()).isEqualTo("loaded");
        assertThat(plugin.path("version").asText()).isEqualTo("0.9.0");
        assertThat(plugin.path("components").get(0).path("id").asText()).isEqualTo("file-value");
        assertThat(plugin.path("components").get(0).path("kind").asText()).isEqualTo("measure");
    }

    @Test
    void runOnceScalesOnTheThirdPartyMeasure() throws IOException {
        Path load = Files.writeString(work.resolve("load.txt"), "50\n");
        Path notifications = work.resolve("third-party-notifications.jsonl");
        Path config = Configs.write(work.resolve("third-party.toml"),
                Configs.stateDir(work.resolve("third-party-state")),
                Configs.group("web", 0, 3, "notify_on", List.of("SCALE")),
                Configs.fileValue("web", load),
                Configs.component("web", "decide", "consecutive-threshold",
                        "max_value", 10, "min_value", 1, "fails", 1),
                Configs.localSleep("web", 30),
                Configs.testNotifier("web", notifications));

        Cli.Result result = cli.run("run", "--once", "--config", config.toString(),
                "--plugins-dir", thirdPartyDirectory.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("web: scaled", "measured 50");
        List<JsonNode> scales = Json.notifications(notifications, "SCALE");
        assertThat(scales).as(result.output()).hasSize(1);
        assertThat(scales.get(0).path("details").path("from").asText()).isEqualTo("0");
        assertThat(scales.get(0).path("details").path("to").asText()).isEqualTo("1");
        assertThat(scales.get(0).path("details").path("measurement").asText()).isEqualTo("50");
    }

    @Test
    void listsTheSameJarUnderASecondNameAsDuplicateNamingBothFiles() {
        JsonNode plugin = Json.pluginAt(thirdPartyListing, SECOND_COPY);

        assertThat(plugin.path("status").asText()).isEqualTo("duplicate");
        assertThat(plugin.path("problem").asText())
                .contains(thirdPartyDirectory.resolve(SECOND_COPY) + ": plugin id 'file-value' (version 0.9.0) is "
                        + "already taken by " + thirdPartyDirectory.resolve(THIRD_PARTY) + " (also version 0.9.0), "
                        + "found first; remove one of the two");
    }

    @Test
    void listsAJarBuiltForAnotherApiAsIncompatibleNamingTheFileAndTheRanges() {
        JsonNode plugin = Json.pluginAt(unusableListing, INCOMPATIBLE);

        assertThat(plugin.path("status").asText()).isEqualTo("incompatible");
        assertThat(plugin.path("apiRange").asText()).isEqualTo("[2.0,3.0)");
        assertThat(plugin.path("problem").asText())
                .contains(unusableDirectory.resolve(INCOMPATIBLE).toString(), "built for autoscalebot API [2.0,3.0)",
                        "this is API 1.0");
    }

    @Test
    void listsACorruptJarAsBrokenNamingTheFile() {
        JsonNode plugin = Json.pluginAt(unusableListing, CORRUPT);

        assertThat(plugin.path("status").asText()).isEqualTo("broken");
        assertThat(plugin.path("problem").asText())
                .contains(unusableDirectory.resolve(CORRUPT).toString(), "not a readable jar");
    }

    @Test
    void listsTheBundledPluginsAsLoadedNextToPluginsThatDidNot() {
        for (String bundled : List.of("threshold", "local", "response-time", "heroku", "app-decision",
                "notify-basic")) {
            assertThat(Json.pluginAt(unusableListing, bundled).path("status").asText()).as(bundled)
                    .isEqualTo("loaded");
        }
    }

    @Test
    void runOnceRefusesNamingThePluginProblemWhenAGroupNeedsAPluginThatDidNotLoad() {
        Path config = Configs.write(work.resolve("needs-unusable.toml"),
                Configs.stateDir(work.resolve("unusable-state")),
                Configs.group("web", 1, 3),
                Configs.fileValue("web", work.resolve("load.txt")),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.localSleep("web", 30),
                Configs.group("queue", 1, 3),
                Configs.component("queue", "measure", "broken-plugin"),
                Configs.component("queue", "decide", "consecutive-threshold"),
                Configs.localSleep("queue", 30));

        Cli.Result result = cli.run("run", "--once", "--config", config.toString(),
                "--plugins-dir", unusableDirectory.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output())
                .contains("measure plugin 'file-value' is installed but could not be loaded: "
                        + unusableDirectory.resolve(INCOMPATIBLE) + ": built for autoscalebot API [2.0,3.0)")
                .contains("measure plugin 'broken-plugin' is installed but could not be loaded: "
                        + unusableDirectory.resolve(CORRUPT) + ": not a readable jar")
                .contains("2 errors in " + config);
        assertThat(Files.exists(work.resolve("unusable-state"))).as("nothing ran").isFalse();
    }

    @Test
    void configValidateNamesThePluginProblemAtTheKeyWhenAGroupNeedsAPluginThatDidNotLoad() {
        Path config = Configs.write(work.resolve("validate-unusable.toml"),
                Configs.stateDir(work.resolve("validate-unusable-state")),
                Configs.group("web", 1, 3),
                Configs.fileValue("web", work.resolve("load.txt")),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.localSleep("web", 30));

        Cli.Result result = cli.run("config", "validate", "--config", config.toString(),
                "--plugins-dir", unusableDirectory.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).as(result.output()).containsPattern(Pattern.quote(config.toString())
                + ":\\d+:\\d+: " + Pattern.quote("measure plugin 'file-value' is installed but could not be loaded: "
                + unusableDirectory.resolve(INCOMPATIBLE) + ": built for autoscalebot API [2.0,3.0), this is API 1.0"));
    }

    @Test
    void runOnceWorksWithPluginsThatDidNotLoadWhenNoGroupNeedsThem() {
        Path config = Configs.write(work.resolve("needs-bundled-only.toml"),
                Configs.stateDir(work.resolve("bundled-only-state")),
                Configs.group("web", 0, 1),
                Configs.component("web", "measure", "response-time", "url", app.appUrl("/")),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.localSleep("web", 30));

        Cli.Result result = cli.run("run", "--once", "--config", config.toString(),
                "--plugins-dir", unusableDirectory.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).startsWith("web: ").contains("measured");
        assertThat(result.stderr()).as("a warning names each plugin that did not load")
                .contains("warning: " + unusableDirectory.resolve(INCOMPATIBLE))
                .contains("warning: " + unusableDirectory.resolve(CORRUPT));
    }

    @Test
    void aCommandLoadsOnlyThePluginsWhoseComponentIndexListsWhatItsConfigurationNames() throws IOException {
        // Its index lists an id its provider does not offer: loaded, it is broken; not loaded, nothing is said of it.
        Path indexed = Files.createDirectories(work.resolve("indexed"));
        PluginFiles.withComponents(Distribution.thirdPartyJar(), "other-value", indexed.resolve("stale-index.jar"));
        Path config = Configs.write(work.resolve("names-bundled-only.toml"),
                Configs.stateDir(work.resolve("names-bundled-only-state")),
                Configs.group("web", 0, 1),
                Configs.component("web", "measure", "response-time", "url", app.appUrl("/")),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.localSleep("web", 30));

        Cli.Result run = cli.run("run", "--once", "--config", config.toString(), "--plugins-dir", indexed.toString());
        JsonNode listed = Json.pluginAt(listJson(indexed), "stale-index.jar");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stderr()).as("the plugin was never loaded, so nothing is wrong with it yet")
                .doesNotContain("stale-index.jar");
        assertThat(listed.path("status").asText()).isEqualTo("broken");
        assertThat(listed.path("problem").asText()).startsWith(indexed.resolve("stale-index.jar")
                + ": its manifest's Autoscalebot-Components lists other-value but its providers offer file-value");
    }

    @Test
    void aThirdPartyJarWithAComponentIndexIsLoadedForTheConfigurationNamingItsComponent() throws IOException {
        Path indexed = Files.createDirectories(work.resolve("indexed-right"));
        PluginFiles.withComponents(Distribution.thirdPartyJar(), "file-value", indexed.resolve("file-value.jar"));
        Path config = Configs.write(work.resolve("names-indexed.toml"),
                Configs.stateDir(work.resolve("names-indexed-state")),
                Configs.group("web", 0, 3),
                Configs.fileValue("web", Files.writeString(work.resolve("indexed-load.txt"), "50\n")),
                Configs.component("web", "decide", "consecutive-threshold",
                        "max_value", 10, "min_value", 1, "fails", 1),
                Configs.localSleep("web", 30));

        Cli.Result result = cli.run("run", "--once", "--dry-run", "--config", config.toString(),
                "--plugins-dir", indexed.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).as(result.output()).contains("measured 50");
    }

    @Test
    void loadsTheBundledFolderPluginThatShipsItsOwnCopyOfAModuleInLib() throws IOException {
        assertThat(jarNames(Distribution.home().resolve("lib"))).anyMatch(name -> name.startsWith("slf4j-api-2."));
        assertThat(jarNames(Distribution.bundledPlugin("celery-redis")))
                .anyMatch(name -> name.startsWith("slf4j-api-"));

        assertThat(Json.pluginAt(thirdPartyListing, "celery-redis").path("status").asText()).isEqualTo("loaded");
    }

    @Test
    void aFolderPluginShippingAnOlderMajorVersionOfAModuleInLibLoadsAndMeasures() throws IOException {
        Path home = Distribution.copyWithout(work.resolve("distribution-without-celery"), Set.of("celery-redis"));
        Path plugins = work.resolve("old-slf4j");
        Path folder = plugins.resolve("celery-redis");
        Distribution.copyTree(Distribution.bundledPlugin("celery-redis"), folder);
        for (String name : jarNames(folder)) {
            if (name.startsWith("slf4j-api-")) {
                Files.delete(folder.resolve(name));
            }
        }
        Files.copy(Distribution.slf4j1Jar(), folder.resolve("slf4j-api-1.7.36.jar"));
        Cli oldSlf4j = Cli.of(home, work);

        Cli.Result listing = oldSlf4j.run("plugins", "list", "--json", "--plugins-dir", plugins.toString());

        assertThat(listing.exitCode()).as(listing.output()).isZero();
        JsonNode plugin = Json.pluginAt(listing.stdout(), "celery-redis");
        assertThat(plugin.path("location").asText()).isEqualTo(folder.toString());
        assertThat(plugin.path("status").asText()).as(listing.output()).isEqualTo("loaded");

        // Jedis, which logs through slf4j, talks to a real Redis from that plugin's layer.
        try (LocalRedis redis = LocalRedis.start()) {
            redis.client().lpush("celery", CeleryTasks.task("celery", 0), CeleryTasks.task("celery", 0));
            Path config = Configs.write(work.resolve("old-slf4j.toml"),
                    Configs.stateDir(work.resolve("old-slf4j-state")),
                    Configs.group("worker", 0, 1),
                    Configs.component("worker", "measure", "celery-redis", "url", redis.url()),
                    Configs.component("worker", "decide", "consecutive-threshold"),
                    Configs.localSleep("worker", 30));

            Cli.Result run = oldSlf4j.run("run", "--once", "--dry-run", "--config", config.toString(),
                    "--plugins-dir", plugins.toString());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.stdout()).as(run.output()).contains("measured 2");
        }
    }

    private static String listJson(Path pluginsDirectory) {
        Cli.Result result = cli.run("plugins", "list", "--json", "--plugins-dir", pluginsDirectory.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.stdout();
    }

    @Test
    void pluginsListKeepsWhatItLearnsByReadingJarsInTheUserCacheAndListsTheSameFromIt() throws IOException {
        Path cache = work.resolve("user-cache");
        // A file where the launcher's archives would go: this test is about the engine's entries, beside them.
        Files.createDirectories(cache.resolve("autoscalebot"));
        Files.writeString(cache.resolve("autoscalebot").resolve("install"), "no archives");
        Cli cached = cli.withEnvironment("XDG_CACHE_HOME", cache.toString());

        Cli.Result first = cached.run("plugins", "list", "--json");
        Cli.Result second = cached.run("plugins", "list", "--json");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.stdout()).as(second.output()).isEqualTo(first.stdout());
        // Jedis has no module-info, so its classes are read to check what it uses: once, by the first listing, for
        // each of the three plugins carrying it.
        String jedisEntry = "-jedis-" + jedisVersion() + ".jar.txt";
        try (var entries = Files.list(cache.resolve("autoscalebot").resolve("jar-scans"))) {
            assertThat(entries.map(entry -> entry.getFileName().toString()))
                    .filteredOn(name -> name.endsWith(jedisEntry)).hasSize(3);
        }
    }

    private static String jedisVersion() throws IOException {
        return jarNames(Distribution.home().resolve("plugins").resolve("lease-redis")).stream()
                .filter(name -> name.startsWith("jedis-")).findFirst().orElseThrow()
                .replaceAll("^jedis-|\\.jar$", "");
    }

    private static List<String> jarNames(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
        }
    }
}
