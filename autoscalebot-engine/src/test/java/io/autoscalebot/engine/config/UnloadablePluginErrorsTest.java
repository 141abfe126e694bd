package io.autoscalebot.engine.config;

import static io.autoscalebot.engine.config.ConfigFiles.VALID_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoscalebot.engine.plugin.PluginCatalog;
import io.autoscalebot.engine.plugin.PluginInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A configuration naming a plugin that is installed but did not load is told why it did not load, next to the
 * unknown-plugin error, instead of only the list of plugins available.
 */
class UnloadablePluginErrorsTest extends ConfigFileTest {

    private static final String ACME_BROKEN = "plugins/acme-1.2.0: a library it needs is missing: Module org.slf4j not "
            + "found, required by com.acme.queue; put the missing library jar next to the plugin jar in its folder";
    private static final String ACME_INCOMPATIBLE = "plugins/acme-2.0.0.jar: built for autoscalebot API [2.0,3.0), "
            + "this is API 1.0; upgrade autoscalebot or use an acme release for API 1.x";

    @Test
    void namesTheLoadProblemWhenThePluginIdDidNotLoad() {
        String error = onlyError("acme", catalog(plugin("acme", PluginInfo.Status.INCOMPATIBLE, ACME_INCOMPATIBLE)));

        assertThat(error).isEqualTo(files.at(4, 1) + "measure plugin 'acme' is installed but could not be loaded: "
                + ACME_INCOMPATIBLE);
    }

    @Test
    void explainsThePluginsThatDidNotLoadNextToAnUnknownComponentId() {
        // Plugin acme never loaded, so nothing says it offers acme-queue: it may.
        String error = onlyError("acme-queue", catalog(plugin("acme", PluginInfo.Status.BROKEN, ACME_BROKEN)));

        assertThat(error).isEqualTo(files.at(4, 1) + "unknown measure plugin 'acme-queue' (available: response-time); "
                + "1 installed plugin could not be loaded and may provide it: " + ACME_BROKEN);
    }

    @Test
    void showsTheBrokenCopyRatherThanTheDuplicateOfIt() {
        PluginCatalog catalog = catalog(
                plugin("acme", PluginInfo.Status.DUPLICATE, "plugins/acme-1.0.jar: plugin id 'acme' (version 1.0) is "
                        + "already taken by plugins/acme-1.2.0 (version 1.2.0), the higher version"),
                plugin("acme", PluginInfo.Status.BROKEN, ACME_BROKEN));

        assertThat(onlyError("acme", catalog)).endsWith("is installed but could not be loaded: " + ACME_BROKEN);
    }

    @Test
    void aDuplicateWhosePluginIdLoadedIsNotBlamedForAnUnknownId() {
        PluginCatalog catalog = catalog(plugin("response-time", PluginInfo.Status.DUPLICATE,
                "plugins/response-time-0.9.jar: plugin id 'response-time' (version 0.9) is already taken"));

        assertThat(onlyError("respons-time", catalog)).doesNotContain("could not be loaded")
                .contains("unknown measure plugin 'respons-time' (did you mean 'response-time'?");
    }

    @Test
    void showsThreePluginsThatDidNotLoadAndCountsTheOthers() {
        List<PluginInfo> broken = new ArrayList<>();
        for (int index = 1; index <= 5; index++) {
            broken.add(plugin("broken-" + index, PluginInfo.Status.BROKEN,
                    "plugins/broken-" + index + ".jar: not a readable jar"));
        }

        String error = onlyError("acme-queue", catalog(broken.toArray(PluginInfo[]::new)));

        assertThat(error).contains("; 5 installed plugins could not be loaded and may provide it: "
                + "plugins/broken-1.jar: not a readable jar | plugins/broken-2.jar: not a readable jar | "
                + "plugins/broken-3.jar: not a readable jar | and 2 more (see autoscalebot plugins list)");
    }

    /** @return the one error of the valid group whose measure names {@code measure} instead of response-time */
    private String onlyError(String measure, PluginCatalog catalog) {
        List<String> errors = files.errors(VALID_GROUP.replace("\"response-time\"", "\"" + measure + "\""), catalog,
                Map.of());
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static PluginCatalog catalog(PluginInfo... unloaded) {
        List<PluginInfo> plugins = new ArrayList<>(TestProviders.catalog().plugins());
        plugins.addAll(List.of(unloaded));
        return new PluginCatalog(plugins);
    }

    private static PluginInfo plugin(String id, PluginInfo.Status status, String problem) {
        return new PluginInfo(id, "1.2.0", "[1.0,2.0)", Path.of("plugins", id + ".jar"), status, problem, List.of());
    }
}
