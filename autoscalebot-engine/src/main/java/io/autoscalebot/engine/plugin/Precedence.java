package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.ApiVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of several plugins with the same plugin id is used: the one built for this API with the highest version
 * ({@link PluginVersion}), so that dropping a newer jar beside an older one, or over a bundled plugin, upgrades it
 * whatever the file names. Of equal versions, the one found first (the distribution's {@code plugins/}, then
 * {@code ./plugins}, then each {@code --plugins-dir}; by file name within a directory) is used. Plugins built for
 * another API never win: they are reported as incompatible, and a compatible copy is used if there is one.
 *
 * <p>Deciding reads manifests only: no code of a plugin that is not used is ever run.
 */
final class Precedence {

    private Precedence() {
    }

    /**
     * @param found every plugin whose manifest could be read, with its descriptor, in discovery order
     * @param api the API version running
     * @return the plugins not used because another with the same id wins, each with a {@code DUPLICATE} problem naming
     *     both files and versions
     */
    static Map<PluginSource, LoadProblem> superseded(List<Map.Entry<PluginSource, PluginDescriptor>> found,
                                                     ApiVersion api) {
        Map<String, List<Map.Entry<PluginSource, PluginDescriptor>>> byId = new LinkedHashMap<>();
        for (Map.Entry<PluginSource, PluginDescriptor> plugin : found) {
            if (plugin.getValue().apiRange().contains(api)) {
                byId.computeIfAbsent(plugin.getValue().id(), id -> new ArrayList<>()).add(plugin);
            }
        }
        Map<PluginSource, LoadProblem> superseded = new HashMap<>();
        for (List<Map.Entry<PluginSource, PluginDescriptor>> sameId : byId.values()) {
            Map.Entry<PluginSource, PluginDescriptor> winner = sameId.get(0);
            for (Map.Entry<PluginSource, PluginDescriptor> plugin : sameId) {
                // Strictly above: of equal versions, the one found first stays the winner.
                if (PluginVersion.compare(plugin.getValue().version(), winner.getValue().version()) > 0) {
                    winner = plugin;
                }
            }
            for (Map.Entry<PluginSource, PluginDescriptor> plugin : sameId) {
                if (plugin != winner) {
                    superseded.put(plugin.getKey(), problem(plugin, winner));
                }
            }
        }
        return superseded;
    }

    private static LoadProblem problem(Map.Entry<PluginSource, PluginDescriptor> loser,
                                       Map.Entry<PluginSource, PluginDescriptor> winner) {
        String loserVersion = loser.getValue().version();
        String winnerVersion = winner.getValue().version();
        boolean equal = PluginVersion.compare(loserVersion, winnerVersion) == 0;
        String why = equal
                ? " (also version " + winnerVersion + "), found first; remove one of the two"
                : " (version " + winnerVersion + "), the higher version; remove the older one";
        return new LoadProblem(PluginInfo.Status.DUPLICATE, loser.getKey() + ": plugin id '" + loser.getValue().id()
                + "' (version " + loserVersion + ") is already taken by " + winner.getKey() + why);
    }
}
