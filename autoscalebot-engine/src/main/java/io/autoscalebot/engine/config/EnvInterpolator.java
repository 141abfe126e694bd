package io.autoscalebot.engine.config;

import io.autoscalebot.api.settings.SettingType;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in configuration strings with environment variables, so secrets
 * and per-machine values stay out of {@code autoscale.toml}. {@code $${} writes a literal {@code ${}.
 *
 * @param env the environment to read, usually {@link System#getenv()}
 */
record EnvInterpolator(Map<String, String> env) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Copies the environment. */
    EnvInterpolator {
        env = Map.copyOf(env);
    }

    /** @return whether the text refers to a variable, so its type may come from the variable's text */
    static boolean refersToVariable(String text) {
        return text.replace("$${", "").contains("${");
    }

    /**
     * Reads a variable's text as the type a setting wants, since the environment only holds strings: {@code PORT=8080}
     * gives {@code 8080} for an integer setting.
     *
     * @param text the expanded text of a value that referred to a variable
     * @param type the type wanted
     * @return a number or boolean when the text is one and the type wants one, else the text
     */
    static Object asType(String text, SettingType type) {
        String trimmed = text.trim();
        try {
            switch (type) {
                case INTEGER:
                case DURATION:
                    return trimmed.matches("-?\\d+") ? (Object) Long.parseLong(trimmed) : text;
                case NUMBER:
                    return Double.parseDouble(trimmed);
                case BOOLEAN:
                    boolean isBoolean = trimmed.equals("true") || trimmed.equals("false");
                    return isBoolean ? (Object) Boolean.parseBoolean(trimmed) : text;
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /**
     * @param text a string value from the file
     * @return the text with every reference replaced
     * @throws IllegalArgumentException naming the variable that is unset or the reference that is malformed; the
     *     message never contains a value
     */
    String expand(String text) {
        StringBuilder result = new StringBuilder();
        int pos = 0;
        while (pos < text.length()) {
            if (text.startsWith("$${", pos)) {
                result.append("${");
                pos += 3;
            } else if (text.startsWith("${", pos)) {
                int end = text.indexOf('}', pos);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '${' : write ${NAME} or ${NAME:-default}, or $${ for a"
                            + " literal '${'");
                }
                result.append(lookUp(text.substring(pos + 2, end)));
                pos = end + 1;
            } else {
                result.append(text.charAt(pos++));
            }
        }
        return result.toString();
    }

    private String lookUp(String reference) {
        int separator = reference.indexOf(":-");
        String name = separator < 0 ? reference : reference.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'${" + name + "}' is not a valid environment variable reference: names"
                    + " are letters, digits and underscores, like ${API_TOKEN}");
        }
        String value = env.get(name);
        if (value != null) {
            return value;
        }
        if (separator >= 0) {
            return reference.substring(separator + 2);
        }
        throw new IllegalArgumentException("environment variable '" + name + "' is not set: set it, or give a default"
                + " like ${" + name + ":-value}");
    }
}
