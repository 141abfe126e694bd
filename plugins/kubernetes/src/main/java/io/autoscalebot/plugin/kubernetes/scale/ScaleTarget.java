package io.autoscalebot.plugin.kubernetes.scale;

import io.autoscalebot.plugin.kubernetes.client.DidYouMean;
import io.autoscalebot.plugin.kubernetes.client.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to scale, written as kubectl writes it: {@code deployment/web}, {@code sts/db}, or, for any other resource with
 * a {@code /scale} subresource, {@code RESOURCE.VERSION.GROUP/NAME} ({@code rollouts.v1alpha1.argoproj.io/web}) or
 * {@code RESOURCE.VERSION/NAME} for the core group ({@code replicationcontrollers.v1/old}).
 *
 * @param written the target as the user wrote it, for messages
 * @param group the API group, empty for the core group
 * @param version the API version, like {@code v1}
 * @param resource the resource's plural name, like {@code deployments}
 * @param name the object's name
 */
public record ScaleTarget(String written, String group, String version, String resource, String name) {

    private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?");

    /** The short forms kubectl accepts for the built-in resources that have a {@code /scale} subresource. */
    private static final Map<String, String[]> KNOWN = new LinkedHashMap<>();

    static {
        for (String alias : new String[] {"deployment", "deployments", "deploy"}) {
            KNOWN.put(alias, new String[] {"apps", "v1", "deployments"});
        }
        for (String alias : new String[] {"statefulset", "statefulsets", "sts"}) {
            KNOWN.put(alias, new String[] {"apps", "v1", "statefulsets"});
        }
        for (String alias : new String[] {"replicaset", "replicasets", "rs"}) {
            KNOWN.put(alias, new String[] {"apps", "v1", "replicasets"});
        }
        for (String alias : new String[] {"replicationcontroller", "replicationcontrollers", "rc"}) {
            KNOWN.put(alias, new String[] {"", "v1", "replicationcontrollers"});
        }
    }

    /**
     * @param text the {@code target} setting
     * @return the target
     * @throws IllegalArgumentException saying what is wrong and how to write it
     */
    public static ScaleTarget parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("setting 'target' must be KIND/NAME, like deployment/web or"
                    + " statefulset/db, got '" + text + "'");
        }
        String kind = text.substring(0, slash);
        String name = text.substring(slash + 1);
        Optional<String> badName = Names.dnsSubdomain(name);
        if (badName.isPresent()) {
            throw new IllegalArgumentException("setting 'target': the name '" + name + "' " + badName.get());
        }
        String[] known = KNOWN.get(kind.toLowerCase(java.util.Locale.ROOT));
        if (known != null) {
            return new ScaleTarget(text, known[0], known[1], known[2], name);
        }
        String[] parts = kind.split("\\.", 3);
        if (parts.length < 2 || !VERSION.matcher(parts[1]).matches()) {
            String hint = DidYouMean.closest(kind, KNOWN.keySet()).map(best -> " (did you mean '" + best + "/" + name
                    + "'?)").orElse("");
            throw new IllegalArgumentException("setting 'target': unknown kind '" + kind + "'" + hint + "; write"
                    + " deployment, statefulset, replicaset or replicationcontroller, or for another resource with a"
                    + " /scale subresource RESOURCE.VERSION.GROUP/NAME, like rollouts.v1alpha1.argoproj.io/web"
                    + " (`kubectl api-resources` lists them)");
        }
        String resource = parts[0];
        Optional<String> badResource = Names.dnsLabel(resource);
        if (badResource.isPresent()) {
            throw new IllegalArgumentException("setting 'target': the resource '" + resource + "' "
                    + badResource.get());
        }
        String group = parts.length == 3 ? parts[2] : "";
        if (!group.isEmpty()) {
            Optional<String> badGroup = Names.dnsSubdomain(group);
            if (badGroup.isPresent()) {
                throw new IllegalArgumentException("setting 'target': the API group '" + group + "' "
                        + badGroup.get());
            }
        }
        return new ScaleTarget(text, group, parts[1], resource, name);
    }

    /** @return {@code apps/v1}, or {@code v1} for the core group */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** @return {@code /apis/apps/v1}, or {@code /api/v1} for the core group: where discovery lists the resources */
    public String groupVersionPath() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    /**
     * @param namespace the namespace
     * @return the object's path, like {@code /apis/apps/v1/namespaces/shop/deployments/web}
     */
    public String objectPath(String namespace) {
        return groupVersionPath() + "/namespaces/" + namespace + "/" + resource + "/" + name;
    }

    /**
     * @param namespace the namespace
     * @return the path of its {@code /scale} subresource
     */
    public String scalePath(String namespace) {
        return objectPath(namespace) + "/scale";
    }

    /** @return the resource as RBAC rules and kubectl name it: {@code deployments.apps}, or {@code configmaps} */
    public String qualifiedResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
