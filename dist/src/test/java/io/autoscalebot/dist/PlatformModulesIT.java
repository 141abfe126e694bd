package io.autoscalebot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.plugin.heroku.FakeHerokuApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin contract's platform modules (docs/platform-modules.md) in the real distribution: the bundled plugins that
 * read JSON get Jackson from lib/ and ship none; a plugin folder's own older Jackson is passed over for lib/'s; a
 * plugin that requires a module of lib/ outside the contract (picocli) is refused, naming the file and the module.
 */
class PlatformModulesIT {

    private static final String TOKEN = "hrku-platform-modules-token";

    @TempDir
    static Path work;
    private static Cli cli;
    private static JsonNode bundledListing;
    private static FakeHerokuApi heroku;

    @BeforeAll
    static void listTheBundledPlugins() throws IOException {
        cli = Cli.of(Distribution.home(), work);
        Cli.Result listing = cli.run("plugins", "list", "--json");
        assertThat(listing.exitCode()).as(listing.output()).isZero();
        bundledListing = new ObjectMapper().readTree(listing.stdout());
        heroku = FakeHerokuApi.start("shop", TOKEN);
        heroku.formation("web", 2);
    }

    @AfterAll
    static void stopHeroku() {
        heroku.close();
    }

    @Test
    void theBundledPluginsThatReadJsonLoadWithoutShippingAJsonLibrary() throws IOException {
        for (String plugin : List.of("heroku", "app-decision")) {
            assertThat(jarNames(Distribution.bundledPlugin(plugin))).as(plugin)
                    .containsExactly("autoscalebot-plugin-" + plugin + "-1.0.0.jar");
            assertThat(Json.pluginAt(bundledListing.toString(), plugin).path("status").asText()).as(plugin)
                    .isEqualTo("loaded");
        }
    }

    @Test
    void listsJacksonAsAPlatformModuleAtTheVersionInLib() throws IOException {
        String version = null;
        for (JsonNode module : bundledListing.path("platformModules")) {
            if (module.path("module").asText().equals("com.fasterxml.jackson.databind")) {
                version = module.path("version").asText();
            }
        }

        assertThat(version).as(bundledListing.toPrettyString()).isNotNull();
        assertThat(jarNames(Distribution.home().resolve("lib"))).contains("jackson-databind-" + version + ".jar");
    }

    @Test
    void aHerokuFolderShippingAnOlderJacksonReadsTheFormationWithLibsJackson() throws IOException {
        Path home = Distribution.copyWithout(work.resolve("distribution-without-heroku"), Set.of("heroku"));
        Path plugins = work.resolve("old-jackson");
        Path folder = plugins.resolve("heroku");
        Distribution.copyTree(Distribution.bundledPlugin("heroku"), folder);
        for (String jar : List.of("jackson-databind-2.17.2.jar", "jackson-core-2.17.2.jar",
                "jackson-annotations-2.17.2.jar")) {
            Files.copy(Distribution.e2eLibs().resolve(jar), folder.resolve(jar));
        }
        Cli oldJackson = Cli.of(home, work);
        Path config = Configs.write(work.resolve("old-jackson.toml"),
                Configs.stateDir(work.resolve("old-jackson-state")),
                Configs.group("web", 1, 5),
                Configs.component("web", "measure", "response-time", "url", heroku.appUrl("/")),
                Configs.component("web", "decide", "consecutive-threshold"),
                Configs.component("web", "scale", "heroku", "app", "shop", "token", TOKEN,
                        "api_url", heroku.baseUri()));

        Cli.Result run = oldJackson.run("run", "--once", "--dry-run", "--config", config.toString(),
                "--plugins-dir", plugins.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).as(run.output()).startsWith("web: ");
        assertThat(heroku.apiRequests()).as(run.output()).anySatisfy(request ->
                assertThat(request.path()).isEqualTo("/apps/shop/formation/web"));
        assertThat(run.stdout() + run.stderr()).doesNotContain(TOKEN);
    }

    @Test
    void refusesAPluginRequiringAModuleOfLibOutsideTheContractNamingTheFileAndTheModule() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("needs-picocli"));
        Path jar = picocliPlugin(work.resolve("picocli-plugin"), plugins.resolve("cli-probe-1.0.jar"));

        Cli.Result listing = cli.run("plugins", "list", "--json", "--plugins-dir", plugins.toString());

        assertThat(listing.exitCode()).as(listing.output()).isZero();
        JsonNode plugin = Json.pluginAt(listing.stdout(), "cli-probe-1.0.jar");
        assertThat(plugin.path("status").asText()).isEqualTo("broken");
        assertThat(plugin.path("problem").asText()).contains(jar + ": module com.acme.cli requires module info.picocli,"
                + " which autoscalebot does not share with plugins");
    }

    /** Compiles and packs, as a plugin's author would with plain javac and jar, a plugin that requires picocli. */
    private static Path picocliPlugin(Path work, Path jar) throws IOException {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(sources.resolve("com/acme/cli"));
        Files.writeString(sources.resolve("module-info.java"), """
                module com.acme.cli {
                    requires io.autoscalebot.api;
                    requires info.picocli;
                    provides io.autoscalebot.api.measure.MeasureProvider with com.acme.cli.CliProvider;
                }
                """);
        Files.writeString(sources.resolve("com/acme/cli/CliProvider.java"), """
                package com.acme.cli;

                public final class CliProvider implements io.autoscalebot.api.measure.MeasureProvider {
                    public String id() { return "cli-probe"; }
                    public String description() { return "Parses its settings with picocli."; }
                    public io.autoscalebot.api.measure.Measure create(io.autoscalebot.api.settings.Settings settings,
                            io.autoscalebot.api.PluginContext context) {
                        new picocli.CommandLine(this);
                        throw new UnsupportedOperationException();
                    }
                }
                """);
        Path lib = Distribution.home().resolve("lib");
        String modulePath = lib.resolve(libJar("autoscalebot-api-")) + java.io.File.pathSeparator
                + lib.resolve(libJar("picocli-"));
        tool("javac", "--release", "17", "-d", classes.toString(), "--module-path", modulePath,
                sources.resolve("module-info.java").toString(),
                sources.resolve("com/acme/cli/CliProvider.java").toString());
        Path manifest = Files.writeString(work.resolve("manifest.txt"), "Autoscalebot-Plugin-Id: cli-probe\n"
                + "Autoscalebot-Plugin-Version: 1.0\nAutoscalebot-Api-Range: [1.0,2.0)\n");
        tool("jar", "--create", "--file", jar.toString(), "--manifest", manifest.toString(), "-C", classes.toString(),
                ".");
        return jar;
    }

    private static void tool(String name, String... arguments) {
        StringWriter output = new StringWriter();
        PrintWriter out = new PrintWriter(output);
        int exit = ToolProvider.findFirst(name).orElseThrow().run(out, out, arguments);
        out.flush();
        assertThat(exit).as(name + ": " + output).isZero();
    }

    private static String libJar(String prefix) throws IOException {
        return jarNames(Distribution.home().resolve("lib")).stream().filter(name -> name.startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in lib/"));
    }

    private static List<String> jarNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar")).sorted().toList());
        }
    }
}
