package io.autoscalebot.plugin.kubernetes.scale;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.plugin.kubernetes.client.DidYouMean;
import io.autoscalebot.api.PluginException;
import io.autoscalebot.plugin.kubernetes.client.ApiException;
import io.autoscalebot.plugin.kubernetes.client.ApiStatus;
import io.autoscalebot.plugin.kubernetes.client.Deadline;
import io.autoscalebot.plugin.kubernetes.client.KubeApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what a refusal of the API server means for the target and what to change: for a 403 the RBAC rule that is
 * missing, for a 404 which of kind, namespace and name is wrong (asking the server where that is cheap), for a
 * resource without {@code /scale} that it cannot be scaled.
 */
final class ScaleProblems {

    /** The verbs the plugin needs on the target's {@code /scale} subresource, and nothing else. */
    static final List<String> VERBS = List.of("get", "patch");

    /** How the API server words a refusal by RBAC (stable since RBAC went GA in 1.8). */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "User \"([^\"]*)\" cannot (\\w+) resource \"([^\"]*)\" in API group \"([^\"]*)\"");

    private final KubeApi api;
    private final ScaleTarget target;
    private final String namespace;

    ScaleProblems(KubeApi api, ScaleTarget target, String namespace) {
        this.api = api;
        this.target = target;
        this.namespace = namespace;
    }

    /**
     * @param refused what the server answered
     * @param action what was refused, for the message
     * @param deadline the call's deadline, for the questions a 404 leads to
     * @return the failure to report
     * @throws InterruptedException if the engine gave up on the call
     */
    PluginException explain(ApiException refused, String action, Deadline deadline) throws InterruptedException {
        ApiStatus status = refused.status();
        String start = "the Kubernetes API server refused " + action + " (" + status.code() + " " + status.reason()
                + "): ";
        switch (status.code()) {
            case 403:
                return new PluginException(start + forbidden(status));
            case 404:
                return new PluginException(start + notFound(deadline));
            case 409:
                return new PluginException(start + status.message() + "; someone else changed " + target.written()
                        + " at the same moment; the next tick tries again");
            case 422:
                return new PluginException(start + status.message() + causes(status) + "; check the resource's"
                        + " own limits (a ResourceQuota, a LimitRange, the replicas its controller allows)");
            default:
                return refused;
        }
    }

    /**
     * Asks discovery whether the target's resource is served with a {@code /scale} subresource.
     *
     * @param deadline the call's deadline
     * @return what is wrong, if something is; empty when all is well or the server does not let us look
     * @throws PluginException if the server could not be reached, or refused the credentials (401)
     * @throws InterruptedException if the engine gave up on the call
     */
    Optional<String> unservedTarget(Deadline deadline) throws PluginException, InterruptedException {
        JsonNode resources;
        try {
            resources = api.get(target.groupVersionPath(), "the discovery of " + target.apiVersion(), deadline);
        } catch (ApiException e) {
            if (e.code() == 401) {
                throw e;
            }
            if (e.code() == 404) {
                return Optional.of("the API server serves no API " + target.apiVersion() + ", so there are no "
                        + target.resource() + " there; fix the kind in target" + (target.group().isEmpty()
                        || target.group().endsWith(".k8s.io") || !target.group().contains(".") ? ""
                        : ", or install the CRD that defines " + target.qualifiedResource())
                        + " (`kubectl api-resources` lists what the cluster has)");
            }
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        boolean scalable = false;
        boolean served = false;
        for (JsonNode resource : resources.path("resources")) {
            String name = resource.path("name").asText();
            names.add(name);
            served |= name.equals(target.resource());
            scalable |= name.equals(target.resource() + "/scale");
        }
        if (!served) {
            List<String> plain = names.stream().filter(name -> !name.contains("/")).toList();
            return Optional.of("the API server has no resource '" + target.resource() + "' in "
                    + target.apiVersion() + DidYouMean.closest(target.resource(), plain)
                    .map(best -> " (did you mean '" + best + "'?)").orElse("") + "; fix the kind in target"
                    + " (`kubectl api-resources --api-group=" + target.group() + "` lists them)");
        }
        if (!scalable) {
            return Optional.of(target.qualifiedResource() + " have no /scale subresource, so autoscalebot cannot"
                    + " scale " + target.written() + "; point target at a Deployment, StatefulSet, ReplicaSet or a"
                    + " custom resource whose CRD declares subresources.scale");
        }
        return Optional.empty();
    }

    private String forbidden(ApiStatus status) {
        Matcher matcher = FORBIDDEN.matcher(status.message());
        String user = matcher.find() ? matcher.group(1) : null;
        String verb = user == null ? null : matcher.group(2);
        String resource = target.resource() + "/scale";
        String rule = "{apiGroups: [\"" + target.group() + "\"], resources: [\"" + resource + "\"], verbs: [\""
                + String.join("\", \"", VERBS) + "\"]}";
        if ("system:anonymous".equals(user)) {
            return "the server saw no credentials it accepts (it took the request as system:anonymous); check that "
                    + api.access().credentials().describe() + " holds a token, or a client certificate the cluster"
                    + " trusts";
        }
        String who = user == null ? "these credentials (the API server said: " + status.message() + ")"
                : "user \"" + user + "\"";
        String binding;
        if (user != null && user.startsWith("system:serviceaccount:")) {
            binding = "--serviceaccount=" + user.substring("system:serviceaccount:".length());
        } else {
            binding = "--user=" + (user == null ? "USER" : user);
        }
        return who + " may not " + (verb == null ? String.join(" or ", VERBS) : verb) + " " + resource
                + " in API group \"" + target.group() + "\" in namespace " + namespace + ". Grant the rule "
                + rule + " with a Role in namespace " + namespace + " and bind it: `kubectl create role"
                + " autoscalebot -n " + namespace + " --verb=" + String.join(",", VERBS) + " --resource="
                + target.qualifiedResource() + "/scale && kubectl create rolebinding autoscalebot -n " + namespace
                + " --role=autoscalebot " + binding + "` (deploy/kubernetes/rbac.yaml is the same as a manifest)";
    }

    private String notFound(Deadline deadline) throws InterruptedException {
        try {
            Optional<String> unserved = unservedTarget(deadline);
            if (unserved.isPresent()) {
                return unserved.get();
            }
        } catch (PluginException e) {
            return "there is no " + target.written() + " in namespace " + namespace + " (" + e.getMessage() + ")";
        }
        String list = "`kubectl get " + target.qualifiedResource() + " -n " + namespace + "`";
        try {
            api.get("/api/v1/namespaces/" + namespace, "the read of namespace " + namespace, deadline);
            return "there is no " + target.written() + " in namespace " + namespace + "; fix the name in target ("
                    + list + " lists what is there)";
        } catch (ApiException e) {
            if (e.code() == 404) {
                return "namespace " + namespace + " does not exist; fix the namespace setting"
                        + " (`kubectl get namespaces`)";
            }
        } catch (PluginException e) {
            // Fall through to the answer that does not know which.
        }
        return "there is no " + target.written() + " in namespace " + namespace + ", or no namespace " + namespace
                + " (these credentials may not read namespaces to tell which); check target and namespace (" + list
                + ")";
    }

    private static String causes(ApiStatus status) {
        return status.causes().isEmpty() ? "" : " (" + String.join("; ", status.causes()) + ")";
    }
}
