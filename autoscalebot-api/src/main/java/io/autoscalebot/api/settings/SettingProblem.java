package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.util.Objects;

/**
 * One thing wrong with a component's settings.
 *
 * @param key the setting the problem is about, as written by the user
 * @param message what is wrong and how to fix it, never containing a secret value
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public record SettingProblem(String key, String message) {

    /** Checks that no component is null. */
    public SettingProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }
}
