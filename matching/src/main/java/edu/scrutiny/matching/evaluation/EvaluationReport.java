package edu.scrutiny.matching.evaluation;

import java.util.List;

/**
 * Everything one evaluation run measured, with every error it found and the matcher's explanation
 * of it. The JSON report is this record as it stands (field names in snake case).
 *
 * @param evalDirectory  where the labelled data was read from
 * @param listsDirectory where the lists screened against were read from
 * @param thresholds     the default thresholds in force ({@link edu.scrutiny.matching.Thresholds})
 * @param namePairs      analyst-judged name pairs scored by the comparer
 * @param unVariants     UN persons with typos and reordering, screened against the UN list
 * @param negatives      persons on no list, screened against the UN and OFAC SDN lists
 * @param crossScript    one name in two scripts, against a minimum score per pair
 * @param spellings      spellings of one name, each against every other
 * @param universities   the world's universities screened against the research-security lists
 * @param timings        wall time of each part, for information
 */
public record EvaluationReport(String evalDirectory, String listsDirectory, DefaultThresholds thresholds,
                               NamePairs namePairs, Variants unVariants, List<Negatives> negatives,
                               CrossScript crossScript, Spellings spellings, Universities universities,
                               Timings timings) {

    public EvaluationReport {
        negatives = List.copyOf(negatives);
    }

    /** The default thresholds per schema group. */
    public record DefaultThresholds(double person, double organization, double vessel) {
    }

    /** Another matcher's published figures on the same pairs. */
    public record Reference(String matcher, double precision, double recall, double f1) {
        /** OpenSanctions' logic-v2 on name-pairs-dev.csv (see the eval README). */
        public static final Reference LOGIC_V2 = new Reference("OpenSanctions logic-v2", 0.771, 0.854, 0.811);
    }

    /**
     * The name pairs, overall and per schema group.
     *
     * @param groups the group of all pairs first, then Person, organisations, vessels
     * @param scored every pair with its score, in file order
     */
    public record NamePairs(String file, int pairs, Reference reference, List<PairGroup> groups, List<ScoredPair> scored) {
        public NamePairs {
            groups = List.copyOf(groups);
            scored = List.copyOf(scored);
        }

        /** The group of all pairs. */
        public PairGroup all() {
            return groups.get(0);
        }

        /** The pairs the default thresholds get wrong. */
        public List<ScoredPair> misclassified() {
            return scored.stream().filter(p -> p.flagged() != p.match()).toList();
        }
    }

    /**
     * The pairs of one schema group.
     *
     * @param atDefault precision, recall and F1 at the default threshold of each pair's schema
     * @param sweep     the precision-recall curve over one threshold for the whole group, and its best F1
     */
    public record PairGroup(String group, int pairs, int matches, Metrics atDefault, ThresholdSweep sweep) {
    }

    /**
     * One pair as scored.
     *
     * @param threshold   the default threshold of its schema
     * @param explanation the comparer's account of the score
     */
    public record ScoredPair(String id, String schema, String name1, String name2, boolean match, double score,
                             double threshold, String explanation) {
        /** Whether the default threshold calls it a match. */
        public boolean flagged() {
            return score >= threshold;
        }
    }

    /**
     * UN persons screened under a changed spelling.
     *
     * @param listEntries       entries in the list screened against
     * @param rows              variants screened
     * @param notOnList         exact names that name no entry of this edition of the list (persons delisted
     *                          since the test data was made): their rows are left out of the recall
     * @param scored            rows whose person is on the list: the denominator of both recalls
     * @param found             variants whose best candidate is the expected entry
     * @param foundAtThreshold  of those, the ones scoring at or above the default Person threshold
     * @param misses            every scored variant whose best candidate is another entry or none, or is
     *                          the expected entry below the threshold
     */
    public record Variants(String file, String list, int listEntries, int rows, List<String> notOnList, int scored,
                           int found, int foundAtThreshold, double recall, double recallAtThreshold,
                           List<VariantMiss> misses) {
        public Variants {
            notOnList = List.copyOf(notOnList);
            misses = List.copyOf(misses);
        }
    }

    /**
     * A variant not found, or found below the threshold.
     *
     * @param row          1-based data row in the variants file
     * @param expected     the name as listed (same row of the exact file)
     * @param expectedRank where the expected entry came among the candidates (1 is best), or 0 when absent
     * @param bestName     the name or alias of the best candidate that matched, or null when none was found
     * @param bestScore    its score, or 0
     * @param explanation  the matcher's account of the best candidate's score, or null
     */
    public record VariantMiss(int row, String variant, String expected, String expectedId, int expectedRank,
                              String bestId, String bestName, double bestScore, String explanation) {
        /** Whether the expected entry came first, only below the threshold. */
        public boolean foundBelowThreshold() {
            return expectedRank == 1;
        }
    }

    /**
     * Persons on no list, screened against one list.
     *
     * @param falsePositives queries with a candidate at or above the threshold
     * @param rate           the share of queries that are false positives
     * @param details        every false positive, with its best candidate
     */
    public record Negatives(String file, String list, int listEntries, int queries, double threshold,
                            int falsePositives, double rate, List<FalsePositive> details) {
        public Negatives {
            details = List.copyOf(details);
        }
    }

    /** A person on no list who was matched, with the best candidate and why it scored so. */
    public record FalsePositive(String query, String entryId, String listedName, double score, String explanation) {
    }

    /** Names in two scripts, each with the score it must reach. */
    public record CrossScript(String file, int pairs, int passed, double passRate, List<CrossScriptPair> outcomes) {
        public CrossScript {
            outcomes = List.copyOf(outcomes);
        }
    }

    public record CrossScriptPair(String query, String expected, double minScore, String description, double score,
                                  boolean passed, String explanation) {
    }

    /**
     * Spellings of one name, every pair compared and each compared with the anchor spelling.
     *
     * @param pairs         unordered pairs of spellings compared (the first of each pair as the query)
     * @param pairsMatching of those, the pairs at or above the Person threshold
     * @param anchor        the spelling every other should match ("Vladimir Putin")
     * @param each          every spelling: its score against the anchor and how many others it matches
     */
    public record Spellings(String file, int spellings, int pairs, int pairsMatching, double pairShare,
                            String anchor, int matchingAnchor, double anchorShare, List<Spelling> each) {
        public Spellings {
            each = List.copyOf(each);
        }
    }

    /**
     * @param othersMatched other spellings it matches at or above the threshold, whichever was the query
     */
    public record Spelling(String spelling, double anchorScore, boolean matchesAnchor, int othersMatched,
                           String anchorExplanation) {
    }

    /**
     * Wall time, for information only: the figures depend on the machine and what else runs on it.
     *
     * @param pairwiseMillis   comparing names directly: name pairs, cross-script pairs, spellings
     * @param indexingMillis   reading the UN and SDN lists and building their indexes
     * @param screeningMillis  screening the variants and the negatives
     * @param screeningQueries queries screened
     */
    public record Timings(long pairwiseMillis, int comparisons, long indexingMillis, long screeningMillis,
                          int screeningQueries) {
    }

    /**
     * Universities screened against the six lists of the universities folder's README.
     *
     * @param lists              the lists screened against, with their entries
     * @param queries            universities screened
     * @param listed             those with an expected entry in gold.csv
     * @param found              of those, the ones with a match on one of their expected entries
     * @param unlisted           universities with no expected entry
     * @param falseAlarms        of those, the ones with any match
     * @param lookalikes         the hard negatives: unlisted universities whose names are close to a listed one
     * @param lookalikesAlarmed  of those, the ones with any match
     * @param threshold          the Organization threshold that makes a candidate a match
     * @param misses             every listed university not found, with its expected entry's candidate if any
     *                           (else the best candidate)
     * @param alarms             every unlisted university with a match, with its best match
     */
    public record Universities(String directory, List<ScreenedListSummary> lists, int queries, int listed, int found,
                               double recall, int unlisted, int falseAlarms, double falseAlarmRate, int lookalikes,
                               int lookalikesAlarmed, double lookalikeRate, double threshold, long indexingMillis,
                               long screeningMillis, List<UniversityMiss> misses, List<UniversityAlarm> alarms) {
        public Universities {
            lists = List.copyOf(lists);
            misses = List.copyOf(misses);
            alarms = List.copyOf(alarms);
        }
    }

    /** One list screened against, by the key its entries carry. */
    public record ScreenedListSummary(String key, String path, int entries) {
    }

    /**
     * A listed university not found.
     *
     * @param expected  its entries, as {@code list|source_id}
     * @param candidate the candidate shown: the expected entry below the threshold, else the best candidate, or null
     */
    public record UniversityMiss(String queryId, String name, String country, List<String> expected, String candidate,
                                 String matchedName, double score, String explanation) {
        public UniversityMiss {
            expected = List.copyOf(expected);
        }
    }

    /**
     * An unlisted university that raised a match.
     *
     * @param lookalike whether it is one of the hard negatives
     * @param entry     the best match, as {@code list|source_id}
     */
    public record UniversityAlarm(String queryId, String name, String country, boolean lookalike, String entry,
                                  String matchedName, double score, String explanation) {
    }
}
