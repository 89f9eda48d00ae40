package edu.scrutiny.matching.evaluation;

/**
 * One labelled case as the matcher scored it.
 *
 * @param score     the matcher's score, 0 to 1
 * @param match     whether analysts judged it a match
 * @param threshold the score at which it would be flagged by default (per schema)
 */
public record Judgement(double score, boolean match, double threshold) {

    Judgement withThreshold(double other) {
        return new Judgement(score, match, other);
    }
}
