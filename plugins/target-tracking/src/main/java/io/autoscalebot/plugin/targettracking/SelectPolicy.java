package io.autoscalebot.plugin.targettracking;

import java.util.Locale;

/**
 * How the rate policies of one direction combine, as HPA's {@code selectPolicy}: the policy allowing the biggest change,
 * the one allowing the smallest, or no scaling in that direction at all.
 */
public enum SelectPolicy {
    /** The policy that allows the biggest change wins (HPA's default). */
    MAX,
    /** The policy that allows the smallest change wins. */
    MIN,
    /** Never scale in this direction. */
    DISABLED;

    /** @return the value users write in {@code autoscale.toml} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code max}, {@code min} or {@code disabled}, as already checked against the setting's choices
     * @return the policy
     */
    public static SelectPolicy fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
