package io.autoscalebot.engine.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The character-level reading behind {@link TomlLocator}: one pass over the text recording the position of every key
 * and array element. It trusts the text to be valid TOML (Jackson has parsed it) and only makes sure it always moves
 * forward, so odd input gives fewer positions, never a hang or an exception.
 */
final class TomlKeyScanner {

    /** One key of a dotted key, unquoted, with where it starts. */
    private record Key(String name, int offset) {
    }

    /**
     * Arrays and inline tables deeper than this are skipped, not read: their elements get no positions, and the scan
     * never recurses deep enough to overflow the stack, whatever the text.
     */
    private static final int MAX_DEPTH = 200;

    private final String text;
    private final int[] lineStarts;
    private final Map<KeyPath, TomlLocator.Position> positions = new HashMap<>();
    private final Map<KeyPath, String> literals = new HashMap<>();
    private final Map<KeyPath, Integer> arrayLengths = new HashMap<>();
    private final Set<KeyPath> assigned = new HashSet<>();
    private final List<TomlLocator.Duplicate> duplicates = new ArrayList<>();
    /** Tables defined by a [header], a dotted key or an inline table, with where: a second [header] is refused. */
    private final Map<KeyPath, TomlLocator.Position> definedTables = new HashMap<>();
    private final List<TomlLocator.Duplicate> redefinedTables = new ArrayList<>();
    private int pos;
    private int depth;

    TomlKeyScanner(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** @return the position of every key path in the text, the first definition winning */
    Map<KeyPath, TomlLocator.Position> scan() {
        KeyPath table = KeyPath.ROOT;
        while (true) {
            skipBlankLinesAndComments();
            if (pos >= text.length()) {
                return positions;
            }
            int before = pos;
            if (text.startsWith("[[", pos)) {
                pos += 2;
                table = header(true);
            } else if (peek() == '[') {
                pos++;
                table = header(false);
            } else {
                keyValue(table);
            }
            skipRestOfLine();
            if (pos == before) {
                pos++;
            }
        }
    }

    private KeyPath header(boolean arrayOfTables) {
        List<Key> keys = dottedKey();
        KeyPath path = KeyPath.ROOT;
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            path = path.child(key.name());
            boolean last = i == keys.size() - 1;
            if (last && arrayOfTables) {
                record(path, key.offset());
                int length = arrayLengths.merge(path, 1, Integer::sum);
                path = path.index(length - 1);
            } else if (arrayLengths.containsKey(path)) {
                // [a.b.c] after [[a.b]] is inside the latest element of a.b.
                path = path.index(arrayLengths.get(path) - 1);
            }
            record(path, key.offset());
        }
        if (!arrayOfTables && !keys.isEmpty()) {
            TomlLocator.Position at = position(keys.get(0).offset());
            TomlLocator.Position first = definedTables.putIfAbsent(path, at);
            if (first != null) {
                redefinedTables.add(new TomlLocator.Duplicate(path, at, first));
            }
        }
        return path;
    }

    /** @return every [table] header naming a table already defined, in file order (valid after {@link #scan()}) */
    List<TomlLocator.Duplicate> redefinedTables() {
        return redefinedTables;
    }

    /** @return the text of every bare value (number, boolean, date) by path (valid after {@link #scan()}) */
    Map<KeyPath, String> literals() {
        return literals;
    }

    /** @return every key given a value a second time, in file order (valid only after {@link #scan()}) */
    List<TomlLocator.Duplicate> duplicates() {
        return duplicates;
    }

    private void keyValue(KeyPath table) {
        KeyPath path = table;
        int offset = pos;
        for (Key key : dottedKey()) {
            if (!path.equals(table)) {
                // a.b.c = 1 defines the tables a and a.b.
                definedTables.putIfAbsent(path, position(offset));
            }
            path = path.child(key.name());
            offset = key.offset();
            record(path, offset);
        }
        if (!path.equals(table) && !assigned.add(path)) {
            duplicates.add(new TomlLocator.Duplicate(path, position(offset), positions.get(path)));
        }
        skipSpaces();
        if (peek() == '=') {
            pos++;
            skipSpaces();
            value(path);
        }
    }

    private void value(KeyPath path) {
        char c = peek();
        if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
            skipMultiLineString();
        } else if (c == '"') {
            basicString();
        } else if (c == '\'') {
            literalString();
        } else if (c == '{') {
            inlineTable(path);
        } else if (c == '[') {
            array(path);
        } else {
            int start = pos;
            while (pos < text.length() && " \t\r\n,]}#".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            literals.putIfAbsent(path, text.substring(start, pos));
        }
    }

    private void inlineTable(KeyPath path) {
        definedTables.putIfAbsent(path, position(pos));
        nested(() -> items('}', () -> keyValue(path)));
    }

    private void array(KeyPath path) {
        int[] index = {0};
        nested(() -> items(']', () -> {
            KeyPath element = path.index(index[0]++);
            record(element, pos);
            value(element);
        }));
    }

    /** Reads a nested value, or skips it past its closing bracket when it is nested too deep to read. */
    private void nested(Runnable read) {
        if (depth >= MAX_DEPTH) {
            skipBracketed();
            return;
        }
        depth++;
        try {
            read.run();
        } finally {
            depth--;
        }
    }

    /** Skips from an opening bracket to its matching closing one, strings included, without recursion. */
    private void skipBracketed() {
        int open = 0;
        do {
            char c = text.charAt(pos);
            if (c == '"') {
                basicString();
                continue;
            }
            if (c == '\'') {
                literalString();
                continue;
            }
            open += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
            pos++;
        } while (open > 0 && pos < text.length());
    }

    /** Reads the comma-separated items of an inline table or array, from its opening bracket to {@code close}. */
    private void items(char close, Runnable item) {
        pos++;
        while (pos < text.length()) {
            skipBlankLinesAndComments();
            char c = peek();
            if (c == close) {
                pos++;
                return;
            }
            int before = pos;
            if (c == ',') {
                pos++;
            } else {
                item.run();
            }
            if (pos == before) {
                pos++;
            }
        }
    }

    private List<Key> dottedKey() {
        List<Key> keys = new ArrayList<>();
        while (pos < text.length()) {
            skipSpaces();
            int start = pos;
            char c = peek();
            String name;
            if (c == '"') {
                name = basicString();
            } else if (c == '\'') {
                name = literalString();
            } else {
                while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
                    pos++;
                }
                name = text.substring(start, pos);
            }
            if (pos == start) {
                return keys;
            }
            keys.add(new Key(name, start));
            skipSpaces();
            if (peek() != '.') {
                return keys;
            }
            pos++;
        }
        return keys;
    }

    /** Reads a {@code "..."} string at pos, returning its content with escapes resolved. */
    private String basicString() {
        StringBuilder content = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                content.append(escape());
            } else {
                content.append(c);
            }
        }
        pos++;
        return content.toString();
    }

    private String escape() {
        char c = text.charAt(pos++);
        switch (c) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'u': return codePoint(4);
            case 'U': return codePoint(8);
            default: return String.valueOf(c);
        }
    }

    private String codePoint(int digits) {
        int end = Math.min(pos + digits, text.length());
        String hex = text.substring(pos, end);
        pos = end;
        try {
            return new String(Character.toChars(Integer.parseInt(hex, 16)));
        } catch (IllegalArgumentException e) {
            return hex;
        }
    }

    private String literalString() {
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != '\'' && text.charAt(pos) != '\n') {
            pos++;
        }
        return text.substring(start, pos++);
    }

    private void skipMultiLineString() {
        String delimiter = text.substring(pos, pos + 3);
        pos += 3;
        while (pos < text.length() && !text.startsWith(delimiter, pos)) {
            pos += delimiter.charAt(0) == '"' && text.charAt(pos) == '\\' ? 2 : 1;
        }
        pos += 3;
        // Up to two quotes may end the content right before the closing delimiter: """a""""" is valid.
        for (int extra = 0; extra < 2 && peek() == delimiter.charAt(0); extra++) {
            pos++;
        }
    }

    private void skipBlankLinesAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                skipRestOfLine();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipRestOfLine() {
        int newline = text.indexOf('\n', pos);
        pos = newline < 0 ? text.length() : newline + 1;
    }

    private void skipSpaces() {
        while (peek() == ' ' || peek() == '\t') {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void record(KeyPath path, int offset) {
        positions.computeIfAbsent(path, p -> position(offset));
    }

    private TomlLocator.Position position(int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new TomlLocator.Position(line + 1, offset - lineStarts[line] + 1);
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
