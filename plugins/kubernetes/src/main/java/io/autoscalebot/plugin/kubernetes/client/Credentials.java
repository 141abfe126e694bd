package io.autoscalebot.plugin.kubernetes.client;

import io.autoscalebot.api.PluginException;
import java.util.Collection;
import java.util.List;

/**
 * Where a request's credentials come from: a token written in a kubeconfig, a token file that rotates, a credential
 * command ({@code exec}), a client certificate. Implementations are thread-safe.
 */
public interface Credentials {

    /**
     * @param deadline the call's deadline, which a credential command must keep too
     * @return the credentials to use now
     * @throws PluginException if they cannot be had (a token file gone, a credential command that failed)
     * @throws InterruptedException if the engine gave up on the call
     */
    Auth current(Deadline deadline) throws PluginException, InterruptedException;

    /**
     * Called when the server answered 401: forget what is cached.
     *
     * @return whether the next {@link #current} may give other credentials, so one more attempt is worth it
     */
    default boolean refreshAfterUnauthorized() {
        return false;
    }

    /** @return the secret values currently known (tokens), to scrub from every message */
    Collection<String> secrets();

    /** @return where the credentials come from, for messages: {@code the token of user 'ci' in ~/.kube/config} */
    String describe();

    /**
     * @param auth fixed credentials
     * @param description where they come from
     * @return credentials that never change
     */
    static Credentials fixed(Auth auth, String description) {
        return new Credentials() {
            @Override
            public Auth current(Deadline deadline) {
                return auth;
            }

            @Override
            public Collection<String> secrets() {
                return auth.token().map(List::of).orElse(List.of());
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
