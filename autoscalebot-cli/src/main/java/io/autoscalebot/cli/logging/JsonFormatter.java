package io.autoscalebot.cli.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code --log-format json}: one JSON object per line, for log shippers: {@code time} (ISO-8601, UTC), {@code level}
 * ({@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}), {@code logger}, {@code group} when the line is about one,
 * {@code message}, then the fields the engine logged beside the line ({@code outcome}, {@code from}, {@code to},
 * {@code reason}...), and {@code error} with the stack trace when there is one.
 */
public final class JsonFormatter extends Formatter {

    private static final String PLUGIN_LOGGERS = "io.autoscalebot.plugin.";
    private final JsonFactory json = new JsonFactory();

    @Override
    public String format(LogRecord logRecord) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator line = json.createGenerator(out)) {
            line.writeStartObject();
            line.writeStringField("time", logRecord.getInstant().toString());
            line.writeStringField("level", level(logRecord.getLevel()));
            line.writeStringField("logger", logRecord.getLoggerName());
            Map<?, ?> fields = LineFormatter.fields(logRecord);
            String group = group(logRecord.getLoggerName(), fields);
            if (group != null) {
                line.writeStringField("group", group);
            }
            line.writeStringField("message", fields != null ? logRecord.getMessage() : formatMessage(logRecord));
            if (fields != null) {
                for (Map.Entry<?, ?> field : fields.entrySet()) {
                    String name = String.valueOf(field.getKey());
                    if (name.equals("group")) {
                        continue;
                    }
                    line.writeFieldName(name);
                    writeValue(line, field.getValue());
                }
            }
            if (logRecord.getThrown() != null) {
                StringWriter trace = new StringWriter();
                logRecord.getThrown().printStackTrace(new PrintWriter(trace));
                line.writeStringField("error", trace.toString());
            }
            line.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static void writeValue(JsonGenerator line, Object value) throws IOException {
        if (value == null) {
            line.writeNull();
        } else if (value instanceof Integer || value instanceof Long) {
            line.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            line.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            line.writeBoolean(bool);
        } else {
            line.writeString(String.valueOf(value));
        }
    }

    /** @return the group a line is about: its {@code group} field, or the group in a plugin's logger name */
    static String group(String logger, Map<?, ?> fields) {
        if (fields != null && fields.get("group") != null) {
            return String.valueOf(fields.get("group"));
        }
        if (logger != null && logger.startsWith(PLUGIN_LOGGERS)) {
            String rest = logger.substring(PLUGIN_LOGGERS.length());
            int dot = rest.indexOf('.');
            return dot > 0 ? rest.substring(0, dot) : null;
        }
        return null;
    }

    /** @return the level as log shippers name it, not java.util.logging's FINE and SEVERE */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
