package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one declaration of a plugin setting. Validation, {@code plugins describe}, the generated docs and secret redaction
 * all come from it.
 *
 * <p>Declare settings with {@link #of} and the methods that return a changed copy:
 * <pre>{@code
 * Setting.of("url", SettingType.URI).asRequired().doc("The URL to time a GET of.")
 * Setting.of("timeout", SettingType.DURATION).defaultValue(Duration.ofSeconds(10)).doc("...")
 * Setting.of("token", SettingType.STRING).asRequired().asSecret().doc("...")
 * }</pre>
 * A final class rather than a record so that later API versions can add attributes without breaking a compiled
 * plugin. Immutable.
 */
@Api(status = Api.Status.STABLE, since = "1.0")
public final class Setting {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final SettingType type;
    private final Object defaultValue;
    private final boolean required;
    private final boolean secret;
    private final String doc;
    private final List<String> choices;
    private final Double minimum;

    private Setting(String name, SettingType type, Object defaultValue, boolean required, boolean secret, String doc,
                    List<String> choices, Double minimum) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.doc = Objects.requireNonNull(doc, "doc");
        this.choices = List.copyOf(choices);
        this.defaultValue = defaultValue;
        this.required = required;
        this.secret = secret;
        this.minimum = minimum;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "setting name must be lower case letters, digits and underscores, starting with a letter, got '"
                            + name + "'");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("setting '" + name + "' cannot be both required and have a default");
        }
        if (!this.choices.isEmpty() && type != SettingType.STRING) {
            throw new IllegalArgumentException("setting '" + name + "': choices are only for string settings");
        }
        if (minimum != null && type != SettingType.INTEGER && type != SettingType.NUMBER) {
            throw new IllegalArgumentException("setting '" + name + "': a minimum is only for integer and number settings");
        }
    }

    /**
     * Starts a declaration: optional, no default, not secret, no doc yet.
     *
     * @param name the key in {@code autoscale.toml}: lower case letters, digits and underscores
     * @param type the type of the value
     * @return the declaration
     */
    public static Setting of(String name, SettingType type) {
        return new Setting(name, type, null, false, false, "", List.of(), null);
    }

    /** @return a copy that must be set by the user; a required setting has no default */
    public Setting asRequired() {
        return new Setting(name, type, null, true, secret, doc, choices, minimum);
    }

    /** @return a copy whose value is shown as {@code ****} everywhere */
    public Setting asSecret() {
        return new Setting(name, type, defaultValue, required, true, doc, choices, minimum);
    }

    /**
     * @param value the typed default ({@link Integer}, {@link Double}, {@link Boolean}, {@link java.time.Duration},
     *     {@link java.net.URI}, {@link String} or {@code List<String>})
     * @return a copy with that default
     */
    public Setting defaultValue(Object value) {
        return new Setting(name, type, Objects.requireNonNull(value, "value"), false, secret, doc, choices, minimum);
    }

    /**
     * @param text what the setting does, for users: one or two sentences
     * @return a copy with that doc
     */
    public Setting doc(String text) {
        return new Setting(name, type, defaultValue, required, secret, text, choices, minimum);
    }

    /**
     * @param allowed the values a string setting may take
     * @return a copy restricted to those values
     */
    public Setting choices(String... allowed) {
        return new Setting(name, type, defaultValue, required, secret, doc, List.of(allowed), minimum);
    }

    /**
     * @param value the smallest allowed value
     * @return a copy with that minimum
     */
    public Setting minimum(double value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, value);
    }

    /** @return the key in {@code autoscale.toml} */
    public String name() {
        return name;
    }

    /** @return the type of the value */
    public SettingType type() {
        return type;
    }

    /** @return the typed default, or {@code null} for none */
    public Object defaultValue() {
        return defaultValue;
    }

    /** @return whether the user must set it */
    public boolean required() {
        return required;
    }

    /** @return whether the value is shown as {@code ****} everywhere */
    public boolean secret() {
        return secret;
    }

    /** @return what the setting does, for users */
    public String doc() {
        return doc;
    }

    /** @return the allowed values of a string setting, or empty for any */
    public List<String> choices() {
        return choices;
    }

    /** @return the smallest allowed value, or {@code null} for none */
    public Double minimum() {
        return minimum;
    }

    /**
     * Converts and checks a raw configuration value.
     *
     * @param raw the value as read from configuration
     * @return the typed value
     * @throws IllegalArgumentException with a message for the user, which never contains a secret value
     */
    public Object resolve(Object raw) {
        Object value;
        try {
            value = type.coerce(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(secret ? "expected " + type.label() + ", got another type" : e.getMessage());
        }
        if (!choices.isEmpty() && !choices.contains(value)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", choices)
                    + (secret ? "" : ", got \"" + value + "\""));
        }
        if (minimum != null && ((Number) value).doubleValue() < minimum) {
            String bound = type == SettingType.INTEGER ? String.valueOf(minimum.longValue()) : String.valueOf(minimum);
            throw new IllegalArgumentException("must be >= " + bound + (secret ? "" : ", got " + value));
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting that && name.equals(that.name) && type == that.type
                && Objects.equals(defaultValue, that.defaultValue) && required == that.required
                && secret == that.secret && doc.equals(that.doc) && choices.equals(that.choices)
                && Objects.equals(minimum, that.minimum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, required, secret, doc, choices, minimum);
    }

    /** Shows the declaration; a secret's default as {@code ****}. */
    @Override
    public String toString() {
        return "Setting[name=" + name + ", type=" + type + ", defaultValue=" + (secret && defaultValue != null
                ? "****" : defaultValue) + ", required=" + required + ", secret=" + secret + ", doc=" + doc
                + ", choices=" + choices + ", minimum=" + minimum + "]";
    }
}
