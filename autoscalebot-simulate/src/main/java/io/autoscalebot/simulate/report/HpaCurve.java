package io.autoscalebot.simulate.report;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * HPA's cost/SLO curve: the policies of a comparison decided by {@code target-tracking} (Kubernetes HPA's algorithm)
 * at several targets, as points of process-hours and SLO-broken minutes joined cheapest first. A policy below the
 * curve breaks the SLO less than HPA would at the same cost.
 */
final class HpaCurve {

    /** The decide plugin whose replays make up the curve. */
    static final String PLUGIN = "target-tracking";

    /**
     * One point.
     *
     * @param processHours its cost
     * @param sloMinutes its minutes with the SLO broken
     */
    record Point(double processHours, double sloMinutes) {
    }

    private final List<Point> points;

    private HpaCurve(List<Point> points) {
        this.points = points.stream().sorted(Comparator.comparingDouble(Point::processHours)).toList();
    }

    /** @return the curve through the HPA policies among {@code policies}; it has a shape only with two or more */
    static HpaCurve of(List<ComparedPolicy> policies) {
        return new HpaCurve(policies.stream().filter(ComparedPolicy::isHpa)
                .map(p -> new Point(p.result().metrics().processHours(), p.result().metrics().sloBrokenMinutes()))
                .toList());
    }

    /** @return its points, cheapest first */
    List<Point> points() {
        return points;
    }

    /** @return whether it is a curve at all: two or more points */
    boolean drawable() {
        return points.size() >= 2;
    }

    /**
     * @param processHours a cost
     * @return the SLO-broken minutes of HPA at that cost, on the straight line between its neighbouring points; empty
     *     when the cost lies outside the curve (no extrapolation: HPA's shape beyond its targets is unknown)
     */
    OptionalDouble sloMinutesAt(double processHours) {
        for (int i = 1; i < points.size(); i++) {
            Point low = points.get(i - 1);
            Point high = points.get(i);
            if (processHours >= low.processHours() && processHours <= high.processHours()) {
                double width = high.processHours() - low.processHours();
                double share = width == 0 ? 0 : (processHours - low.processHours()) / width;
                return OptionalDouble.of(low.sloMinutes() + share * (high.sloMinutes() - low.sloMinutes()));
            }
        }
        return OptionalDouble.empty();
    }
}
