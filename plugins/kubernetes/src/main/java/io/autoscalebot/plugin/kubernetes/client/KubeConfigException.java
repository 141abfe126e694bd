package io.autoscalebot.plugin.kubernetes.client;

/**
 * Why no {@link ClusterAccess} could be made: a kubeconfig that cannot be read or lacks what it needs, a context that
 * is not there, a pod without its service account. The message says what to fix and never quotes a secret.
 */
public class KubeConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the plugin setting the problem is about: {@code kubeconfig} or {@code context}
     * @param message what is wrong and how to fix it
     */
    public KubeConfigException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** @return the plugin setting the problem is about */
    public String setting() {
        return setting;
    }
}
