package io.autoscalebot.engine.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.Kind;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link PluginCatalog} for {@code autoscalebot plugins list}: a table for people, JSON for scripts. Both
 * show, per plugin, its id, version, API range, location, status, problem and components (kind, id, description).
 */
public final class PluginListing {

    private static final String[] HEADINGS = {"PLUGIN", "VERSION", "API", "STATUS", "KINDS", "LOCATION"};

    private PluginListing() {
    }

    /**
     * @param catalog the plugins found
     * @return {@code {"plugins": [{"id", "version", "apiRange", "location", "status", "problem", "kinds",
     *     "components": [{"id", "kind", "description"}]}], "platformModules": [{"module", "artifact", "version"}]}},
     *     indented; {@code problem} is {@code null} for a loaded plugin, {@code location} {@code null} for a built-in
     *     one; {@code platformModules} are what plugins may require from this installation (see
     *     {@link PlatformModules})
     */
    public static String json(PluginCatalog catalog) {
        return Json.render(catalog);
    }

    /**
     * The JSON rendering, apart so that the table, which people ask for far more often, never loads Jackson: its
     * ObjectMapper alone loads some 370 classes, a good part of {@code plugins list}'s start-up (issue 11).
     */
    private static final class Json {

        private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        private Json() {
        }

        static String render(PluginCatalog catalog) {
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode plugins = root.putArray("plugins");
            for (PluginInfo plugin : catalog.plugins()) {
                ObjectNode node = plugins.addObject();
                node.put("id", plugin.id());
                node.put("version", plugin.version());
                node.put("apiRange", plugin.apiRange());
                node.put("location", plugin.location() == null ? null : plugin.location().toString());
                node.put("status", status(plugin));
                node.put("problem", plugin.problem().isEmpty() ? null : plugin.problem());
                ArrayNode kinds = node.putArray("kinds");
                plugin.kinds().forEach(kind -> kinds.add(kind.label()));
                ArrayNode components = node.putArray("components");
                for (Component component : plugin.components()) {
                    components.addObject()
                            .put("id", component.id())
                            .put("kind", component.kind().label())
                            .put("description", component.description());
                }
            }
            // The layer plugins load under: null when autoscalebot runs on the class path, where no plugin loads.
            ArrayNode platform = root.putArray("platformModules");
            ModuleLayer layer = Kind.class.getModule().getLayer();
            for (PlatformModules.Version shared : layer == null ? List.<PlatformModules.Version>of()
                    : PlatformModules.versionsIn(layer)) {
                platform.addObject().put("module", shared.shared().module()).put("artifact", shared.shared().artifact())
                        .put("version", shared.version());
            }
            try {
                return MAPPER.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                // A tree of strings always serializes; this would be a Jackson bug.
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * @param catalog the plugins found
     * @return one row per plugin, then under it one line per component, or its problem
     */
    public static String table(PluginCatalog catalog) {
        if (catalog.plugins().isEmpty()) {
            return "No plugins found.\n";
        }
        List<String[]> rows = catalog.plugins().stream().map(PluginListing::row).toList();
        int[] widths = new int[HEADINGS.length];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = HEADINGS[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, HEADINGS, widths);
        for (int index = 0; index < rows.size(); index++) {
            line(text, rows.get(index), widths);
            PluginInfo plugin = catalog.plugins().get(index);
            for (Component component : plugin.components()) {
                text.append("    ").append(component.kind().label()).append(' ').append(component.id())
                        .append(": ").append(component.description()).append('\n');
            }
            if (!plugin.problem().isEmpty()) {
                text.append("    problem: ").append(plugin.problem()).append('\n');
            }
        }
        return text.toString();
    }

    private static String[] row(PluginInfo plugin) {
        List<String> kinds = plugin.kinds().stream().map(Kind::label).toList();
        return new String[] {plugin.id(), plugin.version(), plugin.apiRange(), status(plugin),
            kinds.isEmpty() ? "-" : String.join(",", kinds),
            plugin.location() == null ? "built-in" : plugin.location().toString()};
    }

    private static void line(StringBuilder text, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            line.append(String.format(Locale.ROOT, "%-" + widths[column] + "s  ", cells[column]));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static String status(PluginInfo plugin) {
        return plugin.status().name().toLowerCase(Locale.ROOT);
    }
}
