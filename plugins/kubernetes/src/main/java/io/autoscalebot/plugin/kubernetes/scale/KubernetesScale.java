package io.autoscalebot.plugin.kubernetes.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.api.scale.Scale;
import io.autoscalebot.plugin.kubernetes.client.ApiException;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and sets {@code spec.replicas} of a resource's {@code /scale} subresource: {@code GET} and a JSON merge
 * {@code PATCH} of {@code {"spec":{"replicas":N}}}, as {@code kubectl scale} does. Only the subresource is touched,
 * so the plugin needs {@code get} and {@code patch} on {@code RESOURCE/scale} and nothing on the resource itself.
 *
 * <p>{@link #current()} always returns the cluster's real count, so the engine decides from a hand scale too; the
 * plugin logs it, once, when the count moved since it last set or read it.
 */
public final class KubernetesScale implements Scale {

    private final KubeApi api;
    private final ScaleTarget target;
    private final String namespace;
    private final Supplier<Deadline> budget;
    private final System.Logger logger;
    private final ScaleProblems problems;
    private Integer lastKnown;

    /**
     * @param api the client of the target's cluster
     * @param target what to scale
     * @param namespace the target's namespace
     * @param budget the deadline of one call that starts now
     * @param logger where hand scales are told
     */
    public KubernetesScale(KubeApi api, ScaleTarget target, String namespace, Supplier<Deadline> budget,
                           System.Logger logger) {
        this.api = api;
        this.target = target;
        this.namespace = namespace;
        this.budget = budget;
        this.logger = logger;
        this.problems = new ScaleProblems(api, target, namespace);
    }

    /**
     * Checks, through discovery, that the cluster serves the target's resource with a {@code /scale} subresource, so a
     * wrong kind fails the start with a clear message rather than every tick with a 404.
     */
    @Override
    public void setup() throws PluginException, InterruptedException {
        Optional<String> problem = problems.unservedTarget(budget.get());
        if (problem.isPresent()) {
            throw new PluginException("cannot scale " + target.written() + " in namespace " + namespace + ": "
                    + problem.get());
        }
    }

    @Override
    public synchronized int current() throws PluginException, InterruptedException {
        String action = "the read of the replicas of " + target.written() + " in namespace " + namespace;
        Deadline deadline = budget.get();
        JsonNode scale;
        try {
            scale = api.get(target.scalePath(namespace), action, deadline);
        } catch (ApiException e) {
            throw problems.explain(e, action, deadline);
        }
        int replicas = replicas(scale, action);
        if (lastKnown != null && lastKnown != replicas) {
            logger.log(System.Logger.Level.INFO, "{0} in namespace {1} scaled outside autoscalebot: {2} -> {3}"
                    + " (kubectl scale, a deploy that sets replicas, or another autoscaler such as an HPA)",
                    target.written(), namespace, lastKnown, replicas);
        }
        lastKnown = replicas;
        return replicas;
    }

    @Override
    public synchronized int scaleTo(int replicas) throws PluginException, InterruptedException {
        String action = "the scale of " + target.written() + " in namespace " + namespace + " to " + replicas;
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("replicas", replicas);
        Deadline deadline = budget.get();
        JsonNode scale;
        try {
            scale = api.send("PATCH", target.scalePath(namespace), KubeApi.MERGE_PATCH, patch, action, deadline);
        } catch (ApiException e) {
            throw problems.explain(e, action, deadline);
        }
        int after = replicas(scale, action);
        lastKnown = after;
        return after;
    }

    /** Closes the API client, whose connections and threads would otherwise outlive the engine's use of them. */
    @Override
    public void teardown() throws Exception {
        api.close();
    }

    /** {@code spec.replicas} of a Scale; the API leaves it out when it is 0. */
    private int replicas(JsonNode scale, String action) throws PluginException {
        if (!"Scale".equals(scale.path("kind").asText())) {
            throw new PluginException("the API server answered " + action + " with a '" + scale.path("kind").asText()
                    + "' instead of a Scale; check that the cluster's server URL points at the API server itself");
        }
        JsonNode replicas = scale.path("spec").path("replicas");
        if (replicas.isMissingNode() || replicas.isNull()) {
            return 0;
        }
        if (!replicas.canConvertToInt() || !replicas.isIntegralNumber() || replicas.asInt() < 0) {
            throw new PluginException("the API server answered " + action + " with spec.replicas " + replicas
                    + ", not a whole number >= 0");
        }
        return replicas.asInt();
    }
}
