package io.autoscalebot.plugin.appdecision.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON value (RFC 8259): one of six immutable records.
 */
public sealed interface JsonValue {

    /** @return the value for people, for messages: {@code an object}, {@code the string "up"}, {@code the number 3} */
    String describe();

    /**
     * An object; members keep the order of the document.
     *
     * @param members the members by name
     */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {

        /** Copies the members, keeping their order. */
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /**
     * An array.
     *
     * @param items the items in order
     */
    record JsonArray(List<JsonValue> items) implements JsonValue {

        /** Copies the items. */
        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /**
     * A string.
     *
     * @param value the text, escapes resolved
     */
    record JsonString(String value) implements JsonValue {

        /** Checks the value is not null. */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "the string \"" + value + "\"";
        }
    }

    /**
     * A number, kept exact so that {@code 3} and {@code 3.5} stay distinguishable.
     *
     * @param value the number
     */
    record JsonNumber(BigDecimal value) implements JsonValue {

        /** Checks the value is not null. */
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return "the number " + value.toString();
        }
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the boolean
     */
    record JsonBoolean(boolean value) implements JsonValue {

        @Override
        public String describe() {
            return "the boolean " + value;
        }
    }

    /** {@code null}. */
    record JsonNull() implements JsonValue {

        @Override
        public String describe() {
            return "null";
        }
    }
}
