package io.autoscalebot.plugin.appdecision;

import io.autoscalebot.api.measure.Instruction;
import io.autoscalebot.api.measure.Measurement;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoscalebot.plugin.appdecision.json.Json;
import io.autoscalebot.plugin.appdecision.json.JsonException;
import io.autoscalebot.plugin.appdecision.json.Pointers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How a measurement is read from the app's JSON document: the {@code mode} setting.
 */
sealed interface Reading {

    /**
     * @param document the app's answer
     * @param time when it was fetched
     * @return the measurement, or a failed one saying what in the document is missing or wrong
     */
    Measurement read(JsonNode document, Instant time);

    /**
     * Mode {@code value}: a number somewhere in the document, measured like any other load.
     *
     * @param pointer where the number is
     * @param unit the unit of the number, for people
     */
    record Value(JsonPointer pointer, String unit) implements Reading {

        /** Checks that no part is null. */
        public Value {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public Measurement read(JsonNode document, Instant time) {
            JsonNode found;
            try {
                found = Pointers.resolve(pointer, document);
            } catch (JsonException e) {
                return Measurement.failed(time, "no value at pointer \"" + pointer + "\": " + e.getMessage());
            }
            if (!found.isNumber()) {
                return Measurement.failed(time, "expected a number at pointer \"" + pointer + "\", found "
                        + Json.describe(found));
            }
            double value = found.doubleValue();
            if (!Double.isFinite(value)) {
                return Measurement.failed(time, "the number at pointer \"" + pointer + "\" is too large");
            }
            return Measurement.of(time, value, unit);
        }
    }

    /**
     * Mode {@code instruction}: the app says what to do, under a key per group: {@code {"web": "up", "worker": 3}}.
     *
     * @param key the member that holds this group's instruction
     */
    record Instructed(String key) implements Reading {

        private static final String EXPECTED =
                "expected \"up\", \"down\", \"steady\" or a whole number of processes >= 0 (like 3 or \"3\")";

        /** Checks the key is not null. */
        public Instructed {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Measurement read(JsonNode document, Instant time) {
            if (!document.isObject()) {
                return Measurement.failed(time, "expected an object with a key per group, like {\"" + key
                        + "\": \"up\"}, found " + Json.describe(document));
            }
            JsonNode value = document.get(key);
            if (value == null) {
                return Measurement.failed(time, "no key \"" + key + "\" in the app's answer"
                        + Pointers.memberList(document) + "; set 'key' if the app names the group differently");
            }
            try {
                return Measurement.instruction(time, instruction(value));
            } catch (JsonException e) {
                return Measurement.failed(time, "the instruction under \"" + key + "\" is " + Json.describe(value)
                        + ": " + e.getMessage());
            }
        }

        private static Instruction instruction(JsonNode value) throws JsonException {
            if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                // Exact: 3 and 3.0 are three processes, 2.5 is no count at all.
                return exact(value.decimalValue());
            }
            if (value.isTextual()) {
                String text = value.textValue().strip();
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "up": return Instruction.of(Instruction.Action.UP);
                    case "down": return Instruction.of(Instruction.Action.DOWN);
                    case "steady": return Instruction.of(Instruction.Action.STEADY);
                    default:
                        if (text.matches("[0-9]+")) {
                            return exact(new BigDecimal(text));
                        }
                }
            }
            throw new JsonException(EXPECTED);
        }

        private static Instruction exact(BigDecimal count) throws JsonException {
            try {
                int processes = count.intValueExact();
                if (processes >= 0) {
                    return Instruction.exact(processes);
                }
            } catch (ArithmeticException e) {
                // not a whole number that fits: the message below says what is accepted
            }
            throw new JsonException(EXPECTED);
        }
    }
}
