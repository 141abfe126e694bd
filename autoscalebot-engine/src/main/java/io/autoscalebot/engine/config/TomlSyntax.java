package io.autoscalebot.engine.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds, in a text the TOML parser refused, the mistakes whose parser message points to the wrong place or says too
 * little: a string not closed (the parser stops at the end of the line, or of the file for a {@code """} string),
 * arrays nested deeper than the parser allows (it reports no position at all) and a string longer than it allows.
 * One pass over the text, reading only comments and strings, with no recursion, so any input is safe.
 */
final class TomlSyntax {

    /** What was found and where: 1-based line and column of the offending string's or array's opening. */
    record Finding(int line, int column, String message) {
    }

    private final String text;
    private final int maxDepth;
    private final int maxStringLength;
    private int pos;
    private Finding unclosed;
    private Finding tooDeep;
    private Finding tooLong;

    private TomlSyntax(String text, int maxDepth, int maxStringLength) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.maxStringLength = maxStringLength;
    }

    /**
     * @param maxDepth the deepest nesting of arrays and inline tables the parser accepts
     * @param maxStringLength the longest string the parser accepts
     */
    static TomlSyntax scan(String text, int maxDepth, int maxStringLength) {
        TomlSyntax syntax = new TomlSyntax(text, maxDepth, maxStringLength);
        syntax.run();
        return syntax;
    }

    /** @return the first string that is not closed */
    Optional<Finding> unclosedString() {
        return Optional.ofNullable(unclosed);
    }

    /** @return the first value nesting arrays or inline tables deeper than the parser accepts */
    Optional<Finding> tooDeep() {
        return Optional.ofNullable(tooDeep);
    }

    /** @return the first string longer than the parser accepts */
    Optional<Finding> tooLong() {
        return Optional.ofNullable(tooLong);
    }

    private void run() {
        int depth = 0;
        int valueStart = 0;
        while (pos < text.length() && unclosed == null) {
            char c = text.charAt(pos);
            if (c == '#') {
                int newline = text.indexOf('\n', pos);
                pos = newline < 0 ? text.length() : newline;
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (c == '[' || c == '{') {
                if (depth == 0) {
                    valueStart = pos;
                }
                depth++;
                if (depth > maxDepth && tooDeep == null) {
                    tooDeep = finding(valueStart, "this value nests arrays or inline tables more than " + maxDepth
                            + " levels deep, more than the parser accepts: flatten it");
                }
                pos++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                pos++;
            } else {
                pos++;
            }
        }
    }

    private void string(char quote) {
        int start = pos;
        String delimiter = String.valueOf(quote).repeat(3);
        boolean multiLine = text.startsWith(delimiter, pos);
        boolean literal = quote == '\'';
        pos += multiLine ? 3 : 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && !literal) {
                pos += 2;
            } else if (multiLine && text.startsWith(delimiter, pos)) {
                pos += 3;
                // Up to two quotes may end the content right before the delimiter: """a""""" is valid.
                for (int extra = 0; extra < 2 && pos < text.length() && text.charAt(pos) == quote; extra++) {
                    pos++;
                }
                checkLength(start, pos - start - 6);
                return;
            } else if (!multiLine && c == quote) {
                pos++;
                checkLength(start, pos - start - 2);
                return;
            } else if (!multiLine && c == '\n') {
                unclosed = finding(start, "string opened at " + line(start) + ":" + column(start) + " is not closed"
                        + " before the end of the line: end it with " + quote + " on that line, or use " + delimiter
                        + " for text over several lines");
                return;
            } else {
                pos++;
            }
        }
        unclosed = finding(start, (multiLine ? "multi-line string" : "string") + " opened at " + line(start) + ":"
                + column(start) + " is not closed before the end of the file: end it with "
                + (multiLine ? delimiter : String.valueOf(quote)));
    }

    private void checkLength(int start, int length) {
        if (length > maxStringLength && tooLong == null) {
            tooLong = finding(start, "this string is longer than the "
                    + String.format(Locale.ROOT, "%,d", maxStringLength)
                    + " characters the parser accepts: shorten it");
        }
    }

    private Finding finding(int offset, String message) {
        return new Finding(line(offset), column(offset), message);
    }

    private int line(int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    private int column(int offset) {
        return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
    }
}
