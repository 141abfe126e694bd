package io.autoscalebot.engine.plugin;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * Orders plugin versions as people read them, so that of two jars with the same plugin id the newer one is used
 * whatever their file names: {@code 1.10.0} is above {@code 1.9.0}, {@code 1.0} equals {@code 1.0.0}, and a pre-release
 * ({@code 1.0.0-rc.1}, {@code 1.0.0-SNAPSHOT}) is below its release.
 *
 * <p>The rules are Semantic Versioning's, made lenient for what plugin manifests really hold: any number of dot-separated
 * release parts (missing ones count as 0), build metadata after {@code +} ignored, and pre-release identifiers compared
 * one by one (numbers numerically and below words, words in ASCII order, fewer identifiers below more). A version that
 * does not start with a digit, like the {@code ?} of a jar that states none, is below every numbered one.
 */
final class PluginVersion {

    /** Orders version texts from lowest to highest. */
    static final Comparator<String> ORDER = PluginVersion::compare;

    private PluginVersion() {
    }

    /** @return negative, zero or positive as {@code a} is below, equal to or above {@code b} */
    static int compare(String a, String b) {
        boolean numberedA = numbered(a);
        boolean numberedB = numbered(b);
        if (numberedA != numberedB) {
            return numberedA ? 1 : -1;
        }
        if (!numberedA) {
            return a.compareTo(b);
        }
        String[] partsA = split(a);
        String[] partsB = split(b);
        int release = compareRelease(List.of(partsA[0].split("\\.", -1)), List.of(partsB[0].split("\\.", -1)));
        if (release != 0) {
            return release;
        }
        if (partsA[1] == null || partsB[1] == null) {
            // A release is above its pre-releases.
            return partsA[1] == null ? (partsB[1] == null ? 0 : 1) : -1;
        }
        return comparePreRelease(partsA[1].split("\\.", -1), partsB[1].split("\\.", -1));
    }

    private static boolean numbered(String version) {
        return !version.isEmpty() && Character.isDigit(version.charAt(0));
    }

    /** @return the release part and the pre-release part (null when there is none), build metadata dropped */
    private static String[] split(String version) {
        int plus = version.indexOf('+');
        String withoutBuild = plus < 0 ? version : version.substring(0, plus);
        int dash = withoutBuild.indexOf('-');
        return dash < 0 ? new String[] {withoutBuild, null}
                : new String[] {withoutBuild.substring(0, dash), withoutBuild.substring(dash + 1)};
    }

    private static int compareRelease(List<String> a, List<String> b) {
        for (int index = 0; index < Math.max(a.size(), b.size()); index++) {
            String partA = index < a.size() ? a.get(index) : "0";
            String partB = index < b.size() ? b.get(index) : "0";
            int order = compareIdentifier(partA, partB);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int comparePreRelease(String[] a, String[] b) {
        for (int index = 0; index < Math.min(a.length, b.length); index++) {
            int order = compareIdentifier(a[index], b[index]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numberA = isNumber(a);
        boolean numberB = isNumber(b);
        if (numberA && numberB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numberA != numberB) {
            return numberA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String identifier) {
        return !identifier.isEmpty() && identifier.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
