package io.autoscalebot.engine.plugin;

import io.autoscalebot.api.ApiVersion;

/**
 * The API versions a plugin works with, as written in its manifest's {@code Autoscalebot-Api-Range}: a Maven-style
 * range such as {@code [1.0,2.0)}, {@code [1.0,)}, {@code (,2.0)}, {@code [1.0]}, or a bare version {@code 1.0} meaning
 * {@code [1.0,)}. {@code *} means any version; it is what a plain jar without the attribute gets.
 *
 * @param lower the smallest version, or {@code null} for no lower bound
 * @param lowerInclusive whether {@code lower} itself is in the range
 * @param upper the largest version, or {@code null} for no upper bound
 * @param upperInclusive whether {@code upper} itself is in the range
 */
public record ApiRange(ApiVersion lower, boolean lowerInclusive, ApiVersion upper, boolean upperInclusive) {

    /** Every API version: the range of a plain jar that declares none. */
    public static final ApiRange ANY = new ApiRange(null, false, null, false);

    private static final String EXAMPLE = "write a range like [1.0,2.0) or [1.0,)";

    /** Checks the bounds are in order and the range is not empty. */
    public ApiRange {
        if (lower != null && upper != null) {
            int order = lower.compareTo(upper);
            if (order > 0 || order == 0 && !(lowerInclusive && upperInclusive)) {
                throw new IllegalArgumentException("range " + text(lower, lowerInclusive, upper, upperInclusive)
                        + " contains no version; the lower bound must be below the upper one");
            }
        }
    }

    /**
     * Parses a range.
     *
     * @param text the range as written in a manifest
     * @return the range
     * @throws IllegalArgumentException with a message saying what is wrong and how to write it
     */
    public static ApiRange parse(String text) {
        String range = text.trim();
        if (range.isEmpty()) {
            throw new IllegalArgumentException("the range is empty; " + EXAMPLE);
        }
        if (range.equals("*")) {
            return ANY;
        }
        char first = range.charAt(0);
        if (first != '[' && first != '(') {
            if (range.contains(",") || range.endsWith(")") || range.endsWith("]")) {
                throw new IllegalArgumentException("'" + range + "' must start with [ or (; " + EXAMPLE);
            }
            return new ApiRange(version(range), true, null, false);
        }
        char last = range.charAt(range.length() - 1);
        if (range.length() < 3 || last != ']' && last != ')') {
            throw new IllegalArgumentException("'" + range + "' must end with ] or ); " + EXAMPLE);
        }
        String[] bounds = range.substring(1, range.length() - 1).split(",", -1);
        if (bounds.length == 1) {
            if (first != '[' || last != ']') {
                throw new IllegalArgumentException("'" + range + "': a single version is written [1.0]; " + EXAMPLE);
            }
            ApiVersion exact = version(bounds[0]);
            return new ApiRange(exact, true, exact, true);
        }
        if (bounds.length != 2) {
            throw new IllegalArgumentException("'" + range + "' has more than two bounds; " + EXAMPLE);
        }
        ApiVersion lower = bound(range, bounds[0], first == '[', "(,");
        ApiVersion upper = bound(range, bounds[1], last == ']', ",)");
        return new ApiRange(lower, first == '[', upper, last == ']');
    }

    /** @return whether {@code version} is in the range */
    public boolean contains(ApiVersion version) {
        int fromLower = lower == null ? 1 : version.compareTo(lower);
        int fromUpper = upper == null ? -1 : version.compareTo(upper);
        return (fromLower > 0 || fromLower == 0 && lowerInclusive)
                && (fromUpper < 0 || fromUpper == 0 && upperInclusive);
    }

    /** @return whether every version in the range is newer than {@code version} (the plugin needs a newer engine) */
    public boolean isAbove(ApiVersion version) {
        return lower != null && !contains(version) && lower.compareTo(version) >= 0;
    }

    /** @return the range in canonical Maven form, {@code *} for {@link #ANY} */
    @Override
    public String toString() {
        // Compared field by field rather than with equals(ANY): the record's equals is linked through an
        // invokedynamic bootstrap on first use, ~3% of `plugins list`'s samples for one comparison (issue 11).
        boolean any = lower == null && !lowerInclusive && upper == null && !upperInclusive;
        return any ? "*" : text(lower, lowerInclusive, upper, upperInclusive);
    }

    private static ApiVersion bound(String range, String text, boolean inclusive, String openForm) {
        if (text.isBlank()) {
            if (inclusive) {
                throw new IllegalArgumentException("'" + range + "': a missing bound is open, written '" + openForm
                        + "'; " + EXAMPLE);
            }
            return null;
        }
        return version(text);
    }

    private static ApiVersion version(String text) {
        try {
            return ApiVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + EXAMPLE, e);
        }
    }

    private static String text(ApiVersion lower, boolean lowerInclusive, ApiVersion upper, boolean upperInclusive) {
        if (lower != null && upper != null && lower.compareTo(upper) == 0) { // (compareTo: as in toString)
            return "[" + lower + "]";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + ","
                + (upper == null ? "" : upper) + (upperInclusive ? "]" : ")");
    }
}
