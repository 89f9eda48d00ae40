package edu.scrutiny.matching.evaluation;

import java.util.List;

/**
 * How a yes/no decision ("is a match") agrees with the analysts' judgements.
 *
 * <p>When nothing is flagged, precision is 1: no flag was wrong. F1 is computed from the counts
 * ({@code 2tp / (2tp + fp + fn)}), so two thresholds with the same F1 compare equal exactly.
 *
 * @param truePositives  matches flagged
 * @param falsePositives non-matches flagged
 * @param falseNegatives matches not flagged
 * @param trueNegatives  non-matches not flagged
 */
public record Metrics(int truePositives, int falsePositives, int falseNegatives, int trueNegatives,
                      double precision, double recall, double f1) {

    public static Metrics of(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        int flagged = truePositives + falsePositives;
        int matches = truePositives + falseNegatives;
        double precision = flagged == 0 ? 1 : (double) truePositives / flagged;
        double recall = matches == 0 ? 0 : (double) truePositives / matches;
        int denominator = 2 * truePositives + falsePositives + falseNegatives;
        double f1 = truePositives == 0 ? 0 : (double) (2 * truePositives) / denominator;
        return new Metrics(truePositives, falsePositives, falseNegatives, trueNegatives, precision, recall, f1);
    }

    /** Flags each judgement whose score is at or above its own threshold. */
    public static Metrics atOwnThresholds(List<Judgement> judgements) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Judgement j : judgements) {
            boolean flagged = j.score() >= j.threshold();
            if (j.match()) {
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }
        return of(tp, fp, fn, tn);
    }

    /** Flags each judgement whose score is at or above one threshold for all. */
    public static Metrics at(double threshold, List<Judgement> judgements) {
        return atOwnThresholds(judgements.stream().map(j -> j.withThreshold(threshold)).toList());
    }

    /** {@code part / whole}, or 0 when there is nothing to divide. */
    static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Number of judgements counted. */
    public int total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
}
