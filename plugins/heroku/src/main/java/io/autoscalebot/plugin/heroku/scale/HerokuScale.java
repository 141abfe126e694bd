package io.autoscalebot.plugin.heroku.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.heroku.api.HerokuApi;
import io.autoscalebot.plugin.heroku.api.Json;
import java.util.Map;

/**
 * Reads and sets the quantity of one process type's formation: {@code GET} and {@code PATCH
 * /apps/{app}/formation/{type}}.
 *
 * <p>{@link #current()} always returns Heroku's real quantity, so the engine decides from a hand scale too; the plugin
 * only logs it, once, when the quantity moved since it last set or read it.
 */
public final class HerokuScale implements Scale {

    private final HerokuApi api;
    private final String processType;
    private final System.Logger logger;
    private final String formationPath;
    private Integer lastKnown;

    /**
     * @param api the Platform API client for the app
     * @param processType the process type to scale, like {@code web}
     * @param logger where hand scales are told
     */
    public HerokuScale(HerokuApi api, String processType, System.Logger logger) {
        this.api = api;
        this.processType = processType;
        this.logger = logger;
        this.formationPath = api.connection().appPath() + "/formation/" + processType;
    }

    @Override
    public synchronized int current() throws PluginException, InterruptedException {
        String action = "the read of the " + processType + " formation of " + api.connection().app();
        int quantity = quantity(api.get(formationPath, action, api.deadline()), action);
        if (lastKnown != null && lastKnown != quantity) {
            logger.log(System.Logger.Level.INFO, "{0} on {1} scaled by hand: {2} -> {3}", processType,
                    api.connection().app(), lastKnown, quantity);
        }
        lastKnown = quantity;
        return quantity;
    }

    @Override
    public synchronized int scaleTo(int target) throws PluginException, InterruptedException {
        String action = "the scale of " + processType + " on " + api.connection().app() + " to " + target;
        ObjectNode formation = api.patch(formationPath, Map.of("quantity", target), action, api.deadline());
        int quantity = quantity(formation, action);
        lastKnown = quantity;
        return quantity;
    }

    /** Closes the API client, whose connections and threads would otherwise outlive the engine's use of them. */
    @Override
    public void teardown() throws Exception {
        api.close();
    }

    private static int quantity(ObjectNode formation, String action) throws PluginException {
        JsonNode quantity = formation.path("quantity");
        if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.intValue() < 0) {
            throw new PluginException("Heroku answered " + action + " without a whole, non-negative quantity (got "
                    + Json.kind(quantity) + "); check that api_url points at the Heroku Platform API");
        }
        return quantity.intValue();
    }
}
