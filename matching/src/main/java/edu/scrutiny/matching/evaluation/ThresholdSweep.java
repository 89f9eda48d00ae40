package edu.scrutiny.matching.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 at every threshold from 0.00 to 1.00 in steps of 0.01 (the
 * precision-recall curve), and the threshold giving the best F1.
 *
 * @param curve one point per threshold, lowest threshold first
 * @param best  the lowest threshold with the best F1, and the highest giving the same F1
 */
public record ThresholdSweep(List<Point> curve, Best best) {
    /** Thresholds tried: 0.00, 0.01 ... 1.00. */
    public static final int STEPS = 100;

    public ThresholdSweep {
        curve = List.copyOf(curve);
    }

    /** @param threshold a case is flagged when its score is at or above this */
    public record Point(double threshold, Metrics metrics) {
    }

    /**
     * The threshold with the best F1. Where several give it, {@code threshold} is the lowest and
     * {@code upTo} the highest: the width of that plateau says how sensitive the choice is.
     */
    public record Best(double threshold, double upTo, Metrics metrics) {
    }

    public static ThresholdSweep of(List<Judgement> judgements) {
        List<Point> curve = new ArrayList<>(STEPS + 1);
        Point best = null;
        double upTo = 0;
        for (int i = 0; i <= STEPS; i++) {
            // i / 100.0 is the double nearest to the decimal, as a literal 0.29 would be
            double t = i / (double) STEPS;
            Point p = new Point(t, Metrics.at(t, judgements));
            curve.add(p);
            if (best == null || p.metrics().f1() > best.metrics().f1()) {
                best = p;
                upTo = t;
            } else if (p.metrics().f1() == best.metrics().f1()) {
                upTo = t;
            }
        }
        return new ThresholdSweep(curve, new Best(best.threshold(), upTo, best.metrics()));
    }
}
