package io.autoscalebot.engine.loop;

/**
 * A scale the engine is about to make. The dry-run flag travels with it so every step runs the same in a dry run and
 * only the final call is skipped. Why it is made is the tick's {@link Verdict#reason()}, worded only when told.
 *
 * @param from the count before
 * @param to the clamped target
 * @param dryRun true to pretend the scale happened without calling the scale plugin
 */
public record ScaleAction(int from, int to, boolean dryRun) {

    /** @return {@code scaled 2 -> 3} or {@code dry run: would scale 2 -> 3} */
    public String describe() {
        return (dryRun ? "dry run: would scale " : "scaled ") + from + " -> " + to;
    }
}
