package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component's validated, typed settings with defaults applied, as the engine hands them to
 * {@link io.autoscalebot.api.PluginProvider#create}. Immutable; {@code toString()} shows every secret as {@code ****}.
 *
 * <p>Each getter returns the value of one declared setting in the type its {@link SettingType} promises. The engine
 * implements this interface; plugin tests resolve settings with {@code autoscalebot-plugin-testkit}.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public interface Settings {

    /** @return the declared schema these settings were resolved against */
    List<Setting> schema();

    /** @return whether the setting has a value (set by the user, or a default) */
    boolean has(String name);

    /** @return the value of a string setting; throws {@link IllegalStateException} if it has none */
    String string(String name);

    /** @return the value of a string setting, if it has one */
    Optional<String> optionalString(String name);

    /** @return the value of an integer setting; throws {@link IllegalStateException} if it has none */
    int integer(String name);

    /** @return the value of a number setting; throws {@link IllegalStateException} if it has none */
    double number(String name);

    /** @return the value of a boolean setting; throws {@link IllegalStateException} if it has none */
    boolean bool(String name);

    /** @return the value of a duration setting; throws {@link IllegalStateException} if it has none */
    Duration duration(String name);

    /** @return the value of a URI setting; throws {@link IllegalStateException} if it has none */
    URI uri(String name);

    /** @return the value of a URI setting, if it has one */
    Optional<URI> optionalUri(String name);

    /** @return the value of a list-of-strings setting; throws {@link IllegalStateException} if it has none */
    List<String> stringList(String name);

    /** @return the value of a list-of-integers setting; throws {@link IllegalStateException} if it has none */
    @Api(status = Api.Status.STABLE, since = "1.0")
    List<Integer> integerList(String name);

    /** @return every value by name, secrets included: never log this map */
    Map<String, Object> values();
}
