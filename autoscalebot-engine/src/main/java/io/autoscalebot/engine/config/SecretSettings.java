package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.Setting;
import io.autoscalebot.engine.notify.UrlCredentials;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a component's settings hold that must never be shown, from the values as written (after {@code ${ENV}}),
 * before they are validated: a setting that fails validation, or fails its neighbour, is exactly the one a message
 * would quote, and a secret pasted into the wrong setting ({@code api_url = "<token>"}) must be masked there too.
 */
final class SecretSettings {

    /** Settings naming the user a secret belongs to: Basic authentication sends {@code user:secret} in Base64. */
    private static final List<String> USER_KEYS = List.of("username", "user");

    private SecretSettings() {
    }

    /**
     * Adds to {@code secrets}: the value of every setting declared secret (and {@code user:value} when the component
     * also names a user), and the password of every value holding a URL with credentials, secret or not.
     *
     * @param declared the component's settings by name
     * @param raw the values as written, by key, {@code ${ENV}} expanded
     */
    static void collect(Map<String, Setting> declared, Map<String, Object> raw, Set<String> secrets) {
        String user = USER_KEYS.stream().map(raw::get).filter(String.class::isInstance).map(String.class::cast)
                .filter(name -> !name.isBlank()).findFirst().orElse(null);
        raw.forEach((key, value) -> {
            Setting setting = declared.get(key);
            for (Object item : value instanceof List ? (List<?>) value : List.of(value)) {
                String text = String.valueOf(item);
                secrets.addAll(UrlCredentials.secretsIn(text));
                if (setting != null && setting.secret() && !text.isBlank()) {
                    secrets.add(text);
                    if (user != null) {
                        secrets.add(user + ":" + text);
                    }
                }
            }
        });
    }
}
