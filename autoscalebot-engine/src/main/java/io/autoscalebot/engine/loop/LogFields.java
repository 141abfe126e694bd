package io.autoscalebot.engine.loop;

import io.autoscalebot.engine.notify.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields beside a log line, for a structured log ({@code --log-format json}): the engine logs such a line as
 * {@code log(level, null, text, Map<String, ?> fields)}, the text complete and literal (not a pattern), the fields the
 * only parameter. A text log prints the text and ignores them; a JSON log writes them as members. No new type crosses
 * into the logging setup, so any {@code System.Logger} backend still prints the text.
 */
final class LogFields {

    private LogFields() {
    }

    /** @return the fields among a line's parameters, or null when the parameters are something else */
    static Map<?, ?> in(Object[] params) {
        return params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields ? fields : null;
    }

    /** @return a copy whose text values are masked; numbers and booleans stay as they are */
    static Map<String, Object> redacted(Map<?, ?> fields, Redactor redactor) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(String.valueOf(key),
                value instanceof Number || value instanceof Boolean || value == null ? value
                        : redactor.redact(String.valueOf(value))));
        return copy;
    }
}
