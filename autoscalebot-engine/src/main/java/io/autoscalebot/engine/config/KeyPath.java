package io.autoscalebot.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in a TOML document, such as {@code groups.web.notify[1].plugin} or {@code groups.web.min."8:00"}.
 * The rendering is canonical (bare keys bare, others quoted) so the same key written {@code web} or {@code "web"} in
 * the file gives the same path.
 *
 * @param parts keys, and array indexes written {@code [i]}, from the root
 */
record KeyPath(List<String> parts) {

    /** The document itself. */
    static final KeyPath ROOT = new KeyPath(List.of());

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    /** Copies the parts. */
    KeyPath {
        parts = List.copyOf(parts);
    }

    /** @return the path of a key in the table at this path */
    KeyPath child(String key) {
        return with(BARE.matcher(key).matches() ? key : TomlText.quote(key));
    }

    /** @return the path of an element of the array at this path, counting from 0 */
    KeyPath index(int index) {
        return with("[" + index + "]");
    }

    /** @return the enclosing table or array; the root for the root */
    KeyPath parent() {
        return parts.isEmpty() ? this : new KeyPath(parts.subList(0, parts.size() - 1));
    }

    /** @return whether this is the document itself */
    boolean isRoot() {
        return parts.isEmpty();
    }

    /** @return the path as written in TOML, like {@code groups.web.notify[1].plugin}; empty for the root */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (text.length() > 0 && !part.startsWith("[")) {
                text.append('.');
            }
            text.append(part);
        }
        return text.toString();
    }

    /*
     * equals and hashCode written out, with the values the record's own would give: the generated ones are linked
     * through an invokedynamic bootstrap on first use, which cost ~4% of `config validate`'s samples (issue 11).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof KeyPath path && parts.equals(path.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    private KeyPath with(String part) {
        List<String> longer = new ArrayList<>(parts);
        longer.add(part);
        return new KeyPath(longer);
    }
}
