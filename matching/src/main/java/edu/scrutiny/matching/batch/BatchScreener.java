package edu.scrutiny.matching.batch;

import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.Thresholds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens rows of a batch against an index and makes their output rows: the one code path of
 * {@code scrutiny screen} and the Spark job, so that both give the same rows for the same input.
 * Safe to share between threads. Screens through one {@link ScreeningIndex.Batch}, which remembers the
 * query words it expanded (bounded), so that a file's later rows cost less; the rows are the same.
 */
public final class BatchScreener {
    /** Candidates below this are not listed at all: they would bury the near misses an analyst wants to see. */
    public static final double FLOOR = 0.5;
    /** Candidates kept per query unless told otherwise. */
    public static final int DEFAULT_LIMIT = 5;

    private final ScreeningIndex index;
    private final ScreeningIndex.Batch batch;
    private final Double threshold;
    private final int limit;

    /**
     * @param threshold a score from 0 to 1 at which a candidate is a match, or null for the calibrated
     *                  threshold of each query's schema
     * @param limit     candidates kept per query, at least 1
     * @throws IllegalArgumentException naming the option for a threshold or limit out of range
     */
    public BatchScreener(ScreeningIndex index, Double threshold, int limit) {
        String problem = checkOptions(threshold, limit);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.index = index;
        this.batch = index.batch();
        this.threshold = threshold;
        this.limit = limit;
    }

    /** What is wrong with a threshold and a limit, in the words of the options, or null when both are fine. */
    public static String checkOptions(Double threshold, int limit) {
        if (threshold != null && (threshold.isNaN() || threshold < 0 || threshold > 1)) {
            return "--threshold must be between 0 and 1, was " + threshold;
        }
        if (limit < 1) {
            return "--limit must be at least 1, was " + limit;
        }
        return null;
    }

    /** The candidates of one well-formed row, best first, at most the limit. */
    public List<HitRow> screen(QueryRow row) {
        if (row.query() == null) {
            throw new IllegalArgumentException(row.location() + ": cannot be screened: " + row.problem());
        }
        double t = threshold != null ? threshold : Thresholds.defaultFor(row.query().schema());
        List<Candidate> candidates = batch.screen(row.query(), limit, Math.min(FLOOR, t));
        List<HitRow> out = new ArrayList<>(candidates.size());
        int rank = 1;
        for (Candidate c : candidates) {
            out.add(new HitRow(row.id(), rank++, round4(c.score()), c.score() >= t, c.entry().list(), c.entry().sourceId(),
                    c.entry().name(), c.matchedName(), c.explain()));
        }
        return out;
    }

    public ScreeningIndex index() {
        return index;
    }

    /** Rounded as {@code %.4f} prints it (half up), so that the number and the text agree. */
    private static double round4(double score) {
        return new BigDecimal(Double.toString(score)).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
