package io.autoscalebot.api.settings;

import io.autoscalebot.api.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * Setting.of("port", SettingType.INTEGER).defaultValue(587).atLeast(1).atMost(65535).doc("...")
 * }</pre>
 * Bounds ({@link #atLeast}, {@link #atMost}) apply to integer, number and duration settings, and to each item of a
 * list of integers; the engine checks values against the declaration with the rest of the configuration, and shows
 * it in {@code plugins describe} and the docs. A declaration that cannot hold (a default of another type or outside
 * the bounds) throws {@link IllegalArgumentException} when the plugin declares it.
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
    private final Object minimum;
    private final Object maximum;
    private final Object example;

    private Setting(String name, SettingType type, Object defaultValue, boolean required, boolean secret, String doc,
                    List<String> choices, Object minimum, Object maximum, Object example) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.doc = Objects.requireNonNull(doc, "doc");
        this.choices = List.copyOf(choices);
        this.required = required;
        this.secret = secret;
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
        this.defaultValue = defaultValue == null ? null : typed(defaultValue, "default");
        this.minimum = minimum == null ? null : bound(minimum);
        this.maximum = maximum == null ? null : bound(maximum);
        if (this.minimum != null && this.maximum != null && compare(this.minimum, this.maximum) > 0) {
            throw new IllegalArgumentException("setting '" + name + "': its minimum " + text(this.minimum)
                    + " is above its maximum " + text(this.maximum));
        }
        checkDefaultWithinBounds();
        this.example = example == null ? null : typed(example, "example");
    }

    /**
     * Starts a declaration: optional, no default, not secret, no doc yet.
     *
     * @param name the key in {@code autoscale.toml}: lower case letters, digits and underscores
     * @param type the type of the value
     * @return the declaration
     */
    public static Setting of(String name, SettingType type) {
        return new Setting(name, type, null, false, false, "", List.of(), null, null, null);
    }

    /** @return a copy that must be set by the user; a required setting has no default */
    public Setting asRequired() {
        return new Setting(name, type, null, true, secret, doc, choices, minimum, maximum, example);
    }

    /** @return a copy whose value is shown as {@code ****} everywhere */
    public Setting asSecret() {
        return new Setting(name, type, defaultValue, required, true, doc, choices, minimum, maximum, example);
    }

    /**
     * @param value the typed default: an {@link Integer}, a {@link Double} (any number for a number setting), a
     *     {@link Boolean}, a {@link java.time.Duration}, a {@link java.net.URI}, a {@link String}, a
     *     {@code List<String>} or a {@code List<Integer>}, as the type says
     * @return a copy with that default
     * @throws IllegalArgumentException if the value is not of the setting's type, or outside its bounds
     */
    public Setting defaultValue(Object value) {
        return new Setting(name, type, Objects.requireNonNull(value, "value"), false, secret, doc, choices, minimum,
                maximum, example);
    }

    /**
     * @param text what the setting does, for users: one or two sentences
     * @return a copy with that doc
     */
    public Setting doc(String text) {
        return new Setting(name, type, defaultValue, required, secret, text, choices, minimum, maximum, example);
    }

    /**
     * @param value a value to show in the generated docs' example table, typed as for {@link #defaultValue}: for a
     *     required setting instead of a bare placeholder, for an optional one to show it in the example at all. It
     *     must be valid on its own, since the example is meant to be copied: the engine's tests validate every bundled
     *     plugin's example
     * @return a copy with that example
     * @throws IllegalArgumentException if the value is not of the setting's type
     */
    public Setting example(Object value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, minimum, maximum,
                Objects.requireNonNull(value, "value"));
    }

    /**
     * @param allowed the values a string setting may take
     * @return a copy restricted to those values
     */
    public Setting choices(String... allowed) {
        return new Setting(name, type, defaultValue, required, secret, doc, List.of(allowed), minimum, maximum, example);
    }

    /**
     * @param value the smallest allowed value of an integer or number setting, or item of a list of integers
     * @return a copy with that minimum
     * @throws IllegalArgumentException for another type of setting, or a value an integer setting cannot hold
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Setting atLeast(long value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, value, maximum, example);
    }

    /**
     * @param value the smallest allowed value of a number setting (or a whole one of an integer setting)
     * @return a copy with that minimum
     * @throws IllegalArgumentException for another type of setting, or a fraction for an integer setting
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Setting atLeast(double value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, value, maximum, example);
    }

    /**
     * @param value the shortest allowed value of a duration setting
     * @return a copy with that minimum
     * @throws IllegalArgumentException for another type of setting
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Setting atLeast(Duration value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, value, maximum, example);
    }

    /**
     * @param value the largest allowed value of an integer or number setting, or item of a list of integers
     * @return a copy with that maximum
     * @throws IllegalArgumentException for another type of setting, or a value an integer setting cannot hold
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Setting atMost(long value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, minimum, value, example);
    }

    /**
     * @param value the largest allowed value of a number setting (or a whole one of an integer setting)
     * @return a copy with that maximum
     * @throws IllegalArgumentException for another type of setting, or a fraction for an integer setting
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Setting atMost(double value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, minimum, value, example);
    }

    /**
     * @param value the longest allowed value of a duration setting
     * @return a copy with that maximum
     * @throws IllegalArgumentException for another type of setting
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Setting atMost(Duration value) {
        return new Setting(name, type, defaultValue, required, secret, doc, choices, minimum, value, example);
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

    /** @return the value the generated docs' example shows, if the plugin gave one */
    public Optional<Object> example() {
        return Optional.ofNullable(example);
    }

    /** @return what the setting does, for users */
    public String doc() {
        return doc;
    }

    /** @return the allowed values of a string setting, or empty for any */
    public List<String> choices() {
        return choices;
    }

    /**
     * @return the smallest allowed value, of the setting's value type ({@link Integer} for an integer setting or a list
     *     of integers, {@link Double} for a number, {@link Duration} for a duration); empty for none
     */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Optional<Object> minimum() {
        return Optional.ofNullable(minimum);
    }

    /** @return the largest allowed value, typed as {@link #minimum()} is; empty for none */
    @Api(status = Api.Status.STABLE, since = "1.0")
    public Optional<Object> maximum() {
        return Optional.ofNullable(maximum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting that && name.equals(that.name) && type == that.type
                && Objects.equals(defaultValue, that.defaultValue) && required == that.required
                && secret == that.secret && doc.equals(that.doc) && choices.equals(that.choices)
                && Objects.equals(minimum, that.minimum) && Objects.equals(maximum, that.maximum)
                && Objects.equals(example, that.example);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, required, secret, doc, choices, minimum, maximum, example);
    }

    /** Shows the declaration; a secret's default as {@code ****}. */
    @Override
    public String toString() {
        return "Setting[name=" + name + ", type=" + type + ", defaultValue=" + (secret && defaultValue != null
                ? "****" : defaultValue) + ", required=" + required + ", secret=" + secret + ", doc=" + doc
                + ", choices=" + choices + ", minimum=" + minimum + ", maximum=" + maximum
                + (example == null ? "" : ", example=" + (secret ? "****" : example)) + "]";
    }

    /** @return why a default is out of bounds ({@code must be at least 1, got 0}), or null when it is within */
    private String outOfBounds(Object value) {
        if (minimum != null && compare(value, minimum) < 0) {
            return "must be at least " + text(minimum) + (secret ? "" : ", got " + text(value));
        }
        if (maximum != null && compare(value, maximum) > 0) {
            return "must be at most " + text(maximum) + (secret ? "" : ", got " + text(value));
        }
        return null;
    }

    /** A default in the setting's value type: a number setting takes any number as its {@link Double}. */
    private Object typed(Object value, String what) {
        boolean fits = switch (type) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DURATION -> value instanceof Duration;
            case URI -> value instanceof java.net.URI;
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case INTEGER_LIST -> value instanceof List<?> list && list.stream().allMatch(Integer.class::isInstance);
        };
        if (!fits) {
            throw new IllegalArgumentException("setting '" + name + "': its " + what + " must be " + type.label()
                    + " (as " + javaType() + "), got " + value.getClass().getSimpleName() + " " + value);
        }
        if (value instanceof Number number && type == SettingType.NUMBER) {
            return number.doubleValue();
        }
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }

    /** A bound in the setting's value type, checked to make sense for it. */
    private Object bound(Object value) {
        switch (type) {
            case INTEGER, INTEGER_LIST -> {
                double whole = ((Number) requireNumber(value)).doubleValue();
                if (whole != Math.rint(whole) || whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("setting '" + name + "': a bound of " + type.label()
                            + " must be a whole number that fits 32 bits, got " + value);
                }
                return (int) whole;
            }
            case NUMBER -> {
                double number = ((Number) requireNumber(value)).doubleValue();
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    throw new IllegalArgumentException("setting '" + name + "': a bound must be finite, got " + value);
                }
                return number;
            }
            case DURATION -> {
                if (!(value instanceof Duration)) {
                    throw new IllegalArgumentException("setting '" + name + "': a duration's bound is a Duration,"
                            + " like atLeast(Duration.ofSeconds(1)), got " + value);
                }
                return value;
            }
            default -> throw new IllegalArgumentException("setting '" + name + "': bounds are only for integer,"
                    + " number and duration settings and lists of integers, not " + type.label());
        }
    }

    private Object requireNumber(Object value) {
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("setting '" + name + "': a bound of " + type.label()
                    + " is a number, got " + value);
        }
        return value;
    }

    private void checkDefaultWithinBounds() {
        if (defaultValue == null || minimum == null && maximum == null) {
            return;
        }
        List<?> values = defaultValue instanceof List<?> list ? list : List.of(defaultValue);
        for (Object value : values) {
            String problem = outOfBounds(value);
            if (problem != null) {
                throw new IllegalArgumentException("setting '" + name + "': its default " + problem);
            }
        }
    }

    private String javaType() {
        return switch (type) {
            case STRING -> "a String";
            case INTEGER -> "an Integer";
            case NUMBER -> "a Double";
            case BOOLEAN -> "a Boolean";
            case DURATION -> "a java.time.Duration";
            case URI -> "a java.net.URI";
            case STRING_LIST -> "a List<String>";
            case INTEGER_LIST -> "a List<Integer>";
        };
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object value, Object bound) {
        if (value instanceof Number a && bound instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return ((Comparable<Object>) value).compareTo(bound);
    }

    /** Writes a bound or default for the plugin's author: {@code 1}, {@code 0.5}, {@code PT30S}. */
    private static String text(Object value) {
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
