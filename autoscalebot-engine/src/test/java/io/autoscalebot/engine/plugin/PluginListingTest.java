package io.autoscalebot.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoscalebot.api.PluginContext;
import io.autoscalebot.api.measure.Measure;
import io.autoscalebot.api.measure.MeasureProvider;
import io.autoscalebot.api.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginListingTest {

    private static final String PROBLEM = "plugins/acme-next-2.0.0.jar: built for autoscalebot API [2.0,3.0), this is "
            + "API 1.0; upgrade autoscalebot or use an acme-next release for API 1.x";

    @Test
    void jsonListsEveryPluginWithItsComponentsAndProblem() throws Exception {
        JsonNode plugins = new ObjectMapper().readTree(PluginListing.json(catalog())).get("plugins");

        assertThat(plugins).hasSize(2);
        JsonNode loaded = plugins.get(0);
        assertThat(loaded.get("id").asText()).isEqualTo("queue-depth");
        assertThat(loaded.get("status").asText()).isEqualTo("loaded");
        assertThat(loaded.get("problem").isNull()).isTrue();
        assertThat(loaded.get("location").isNull()).isTrue();
        assertThat(loaded.get("kinds").get(0).asText()).isEqualTo("measure");
        JsonNode component = loaded.get("components").get(0);
        assertThat(component.get("id").asText()).isEqualTo("queue-depth");
        assertThat(component.get("kind").asText()).isEqualTo("measure");
        assertThat(component.get("description").asText()).isEqualTo("Depth of the queue.");
        JsonNode incompatible = plugins.get(1);
        assertThat(incompatible.get("version").asText()).isEqualTo("2.0.0");
        assertThat(incompatible.get("apiRange").asText()).isEqualTo("[2.0,3.0)");
        assertThat(incompatible.get("location").asText()).isEqualTo(Path.of("plugins/acme-next-2.0.0.jar").toString());
        assertThat(incompatible.get("status").asText()).isEqualTo("incompatible");
        assertThat(incompatible.get("problem").asText()).isEqualTo(PROBLEM);
        assertThat(incompatible.get("components")).isEmpty();
    }

    @Test
    void tableShowsARowPerPluginWithItsComponentsOrProblemBelow() {
        List<String> lines = PluginListing.table(catalog()).lines().toList();

        assertThat(lines.get(0)).matches("PLUGIN +VERSION +API +STATUS +KINDS +LOCATION");
        assertThat(lines.get(1)).matches("queue-depth +built-in +\\* +loaded +measure +built-in");
        assertThat(lines.get(2)).isEqualTo("    measure queue-depth: Depth of the queue.");
        assertThat(lines.get(3))
                .matches("acme-next +2\\.0\\.0 +\\[2\\.0,3\\.0\\) +incompatible +- +plugins.acme-next-2\\.0\\.0\\.jar");
        assertThat(lines.get(4)).isEqualTo("    problem: " + PROBLEM);
        // Columns line up: every row's status starts where the heading's does.
        assertThat(lines.get(1).indexOf("loaded")).isEqualTo(lines.get(0).indexOf("STATUS"));
        assertThat(lines.get(3).indexOf("incompatible")).isEqualTo(lines.get(0).indexOf("STATUS"));
    }

    @Test
    void tableSaysWhenThereAreNoPlugins() {
        assertThat(PluginListing.table(new PluginCatalog(List.of()))).isEqualTo("No plugins found.\n");
    }

    private static PluginCatalog catalog() {
        List<PluginInfo> plugins = new ArrayList<>(PluginCatalog.of(new QueueDepthProvider()).plugins());
        plugins.add(new PluginInfo("acme-next", "2.0.0", "[2.0,3.0)", Path.of("plugins/acme-next-2.0.0.jar"),
                PluginInfo.Status.INCOMPATIBLE, PROBLEM, List.of()));
        return new PluginCatalog(plugins);
    }

    /** A provider on the engine's own loader, as the CLI's simulations use. */
    static final class QueueDepthProvider implements MeasureProvider {

        @Override
        public String id() {
            return "queue-depth";
        }

        @Override
        public String description() {
            return "Depth of the queue.";
        }

        @Override
        public Measure create(Settings settings, PluginContext context) {
            throw new UnsupportedOperationException("listing never creates components");
        }
    }
}
