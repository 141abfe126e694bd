package io.autoscalebot.plugin.kubernetes.client;

import io.autoscalebot.api.PluginException;

/**
 * The API server refused a request (an HTTP status that retrying does not change, or one still there when the retries
 * ran out). The message already says what was refused and why; callers that know more, such as which RBAC rule a 403
 * means, catch it and say more.
 */
public class ApiException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final transient ApiStatus status;

    /**
     * @param message what went wrong and how to fix it, without secrets
     * @param status the server's answer
     */
    public ApiException(String message, ApiStatus status) {
        super(message);
        this.status = status;
    }

    /** @return the server's answer */
    public ApiStatus status() {
        return status;
    }

    /** @return the HTTP status */
    public int code() {
        return status.code();
    }
}
