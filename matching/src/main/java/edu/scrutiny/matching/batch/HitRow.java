package edu.scrutiny.matching.batch;

import java.util.Locale;

/**
 * One output row of a batch screening: a candidate for a query, as {@code scrutiny screen} writes
 * it to HITS.csv and the Spark job to its output (which adds {@code explanation}).
 *
 * @param queryId     the query's id
 * @param rank        1 for the best candidate
 * @param score       rounded to four decimals, as written
 * @param match       whether the score reaches the threshold
 * @param list        the entry's list key
 * @param sourceId    the entry's id in its list
 * @param entityName  the entry's primary name
 * @param matchedName the entry's name or alias that matched
 * @param explanation how the score was reached, in one line
 */
public record HitRow(String queryId, int rank, double score, boolean match, String list, String sourceId,
                     String entityName, String matchedName, String explanation) {
    /** The output's columns in order; {@code explanation} is the Spark job's addition. */
    public static final java.util.List<String> SCREEN_COLUMNS =
            java.util.List.of("query_id", "rank", "score", "match", "list", "source_id", "entity_name", "matched_name");

    /** The score as HITS.csv writes it: four decimals. */
    public String scoreText() {
        return String.format(Locale.ROOT, "%.4f", score);
    }
}
