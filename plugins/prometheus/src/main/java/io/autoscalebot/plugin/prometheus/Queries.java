package io.autoscalebot.plugin.prometheus;

/** How messages show a PromQL expression: quoted, on one line, and cut when long. */
final class Queries {

    private static final int MAX_SHOWN = 120;

    private Queries() {
    }

    /**
     * @param query the expression
     * @return it in double quotes, whitespace runs as one space, cut to {@value #MAX_SHOWN} characters
     */
    static String shown(String query) {
        String line = query.strip().replaceAll("\\s+", " ");
        return "\"" + (line.length() > MAX_SHOWN ? line.substring(0, MAX_SHOWN) + "..." : line) + "\"";
    }
}
