package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.net.URI;
import java.time.Duration;

/**
 * The type of a setting: what a user writes in {@code autoscale.toml}, and the Java type {@link Settings} hands the
 * plugin. The engine converts and checks the values; a type only says which it is.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public enum SettingType {
    /** Text, as a {@link String}. */
    STRING("string"),
    /** A whole number, as an {@link Integer}. */
    INTEGER("integer"),
    /** A number, as a {@link Double}; TOML integers are accepted. */
    NUMBER("number"),
    /** {@code true} or {@code false}, as a {@link Boolean}. */
    BOOLEAN("boolean"),
    /**
     * A {@link Duration}: a string such as {@code "250ms"}, {@code "30s"}, {@code "5m"}, {@code "1h30m"}, {@code "2d"}, or
     * a whole number of seconds.
     */
    DURATION("duration"),
    /** An absolute URI, as a {@link URI}. */
    URI("uri"),
    /** A list of strings, as a {@code List<String>}; a single string is read as a list of one. */
    STRING_LIST("list of strings"),
    /** A list of whole numbers, as a {@code List<Integer>}; a single integer is read as a list of one. */
    @Api(status = Api.Status.STABLE, since = "1.0")
    INTEGER_LIST("list of integers");

    private final String label;

    SettingType(String label) {
        this.label = label;
    }

    /** @return the name shown to users in docs and messages */
    public String label() {
        return label;
    }
}
