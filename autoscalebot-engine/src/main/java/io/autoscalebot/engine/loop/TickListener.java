package io.autoscalebot.engine.loop;

import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.engine.state.GroupState;
import java.time.Duration;
import java.util.List;

/**
 * What the {@link Engine} tells an observer (the status server) about each group as it runs: every finished tick, how
 * long each plugin call took, and every failure by stage. Called on the tick's thread, so it must be quick and never
 * throw; {@link #NONE} ignores everything.
 */
public interface TickListener {

    /** Ignores everything: the engine without a status server. */
    TickListener NONE = new TickListener() {
    };

    /**
     * A scheduled tick of a group starts.
     *
     * @param group the group
     * @param late how long after it was due
     */
    default void started(String group, Duration late) {
    }

    /**
     * A group's tick finished.
     *
     * @param result how it went
     * @param state the group's state after it: the last scale and the open conditions
     */
    default void ticked(TickPipeline.Result result, GroupState state) {
    }

    /**
     * A group's plugins are set up: its decide plugin's thresholds or target, for the dashboard to draw.
     *
     * @param group the group
     * @param lines what {@link io.autoscalebot.api.decide.Decide#guideLines()} returned; empty when it failed
     */
    default void guides(String group, List<GuideLine> lines) {
    }

    /**
     * One plugin call of a group finished, well or not.
     *
     * @param group the group
     * @param stage the plugin's kind: {@code measure}, {@code decide}, {@code scale} or {@code notify}
     * @param took how long it took
     */
    default void called(String group, String stage, Duration took) {
    }

    /**
     * Something failed in a group.
     *
     * @param group the group
     * @param stage where: {@code start}, {@code hook}, {@code measure}, {@code decide}, {@code scale}, {@code notify}
     */
    default void failed(String group, String stage) {
    }
}
