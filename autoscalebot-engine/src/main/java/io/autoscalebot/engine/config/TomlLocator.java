package io.autoscalebot.engine.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the line and column of each key in a TOML text. Jackson's TOML parser gives positions only for syntax errors,
 * so messages about a valid document's values need this to point at the key the user wrote.
 *
 * <p>It reads an already parsed, valid document leniently: {@code [table]} and {@code [[array]]} headers (counting the
 * array elements), dotted and quoted keys, inline tables, arrays (whose elements get positions too), comments, and
 * multi-line strings, which it skips.
 */
final class TomlLocator {

    /**
     * A place in the text.
     *
     * @param line 1-based line
     * @param column 1-based column
     */
    record Position(int line, int column) {
    }

    /**
     * A key given a value twice, which TOML forbids. Jackson reports it after the second value; this says where both
     * are.
     *
     * @param path the key
     * @param at where it is set again
     * @param first where it is first set
     */
    record Duplicate(KeyPath path, Position at, Position first) {
    }

    private static final Position START = new Position(1, 1);

    private final Map<KeyPath, Position> positions;
    private final Map<KeyPath, String> literals;
    private final List<Duplicate> duplicates;
    private final List<Duplicate> redefinedTables;

    private TomlLocator(TomlKeyScanner scanner) {
        // Not copied: a large file has a million keys, and the scanner is not kept.
        this.positions = scanner.scan();
        this.literals = scanner.literals();
        this.duplicates = List.copyOf(scanner.duplicates());
        this.redefinedTables = List.copyOf(scanner.redefinedTables());
    }

    /** @return a locator for that text, which should be a valid TOML document (an invalid one gives fewer positions) */
    static TomlLocator scan(String text) {
        return new TomlLocator(new TomlKeyScanner(text));
    }

    /** @return the first key given a value twice, if any */
    Optional<Duplicate> firstDuplicate() {
        return duplicates.stream().findFirst();
    }

    /** @return the first [table] header of a table already defined (by a header, a dotted key or inline), if any */
    Optional<Duplicate> firstRedefinedTable() {
        return redefinedTables.stream().findFirst();
    }

    /**
     * @return the text of the number, boolean or date written at that path, like {@code -9223372036854775809}, so a
     *     value can be read as written
     */
    Optional<String> literal(KeyPath path) {
        return Optional.ofNullable(literals.get(path));
    }

    /**
     * @return where the key at that path is written; where it is not written (a default, an implicit table), where its
     *     nearest enclosing table is; the start of the file for the root
     */
    Position locate(KeyPath path) {
        for (KeyPath candidate = path; !candidate.isRoot(); candidate = candidate.parent()) {
            Position found = positions.get(candidate);
            if (found != null) {
                return found;
            }
        }
        return START;
    }

    /** @return every key path found, with its position (for tests) */
    Map<KeyPath, Position> all() {
        return new HashMap<>(positions);
    }
}
