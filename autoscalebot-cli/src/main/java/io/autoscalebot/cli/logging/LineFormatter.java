package io.autoscalebot.cli.logging;

import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * One line per record, as {@link SimpleFormatter} writes it (its {@code format} property applies), except that a line
 * the engine logged with fields (one {@code Map} parameter) prints its text as it is: the text is literal, and
 * {@code MessageFormat} would eat its quotes or braces.
 */
public final class LineFormatter extends SimpleFormatter {

    @Override
    public String formatMessage(LogRecord logRecord) {
        return fields(logRecord) != null ? logRecord.getMessage() : super.formatMessage(logRecord);
    }

    /** @return the fields the engine logged beside the line, or null when it logged none */
    static Map<?, ?> fields(LogRecord logRecord) {
        Object[] params = logRecord.getParameters();
        return params != null && params.length == 1 && params[0] instanceof Map<?, ?> fields ? fields : null;
    }
}
