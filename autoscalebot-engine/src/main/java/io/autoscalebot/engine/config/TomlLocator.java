package io.autoscalebot.engine.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the line and column of each key in a TOML text. Jackson's TOML parser gives positions only for syntax errors, so
 * messages about a valid document's values need this to point at the key the user wrote.
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

    private static final Position START = new Position(1, 1);

    private final Map<KeyPath, Position> positions;

    private TomlLocator(Map<KeyPath, Position> positions) {
        this.positions = Map.copyOf(positions);
    }

    /** @return a locator for that text, which should be a valid TOML document */
    static TomlLocator scan(String text) {
        return new TomlLocator(new TomlKeyScanner(text).scan());
    }

    /**
     * @return where the key at that path is written; where it is not written (a default, a value Jackson made implicit),
     *     where its nearest enclosing table is; the start of the file for the root
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
