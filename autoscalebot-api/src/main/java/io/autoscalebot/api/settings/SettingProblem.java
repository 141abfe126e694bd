package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.util.Objects;

/**
 * One thing wrong with a component's settings, as {@link io.autoscalebot.api.PluginProvider#validate} reports it; the
 * engine shows it at the key's place in the configuration file, or at the component's table when the key is not
 * written there (a default).
 *
 * @param key the setting the problem is about, as declared: {@code min_value}
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
