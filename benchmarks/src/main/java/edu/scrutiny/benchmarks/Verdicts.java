package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.NameComparer;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.NormalizedName;
import edu.scrutiny.matching.Thresholds;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges what the index returned for a labelled query: a variant of a listed name is found when its
 * true entry is the top candidate, or tied with it, at or above the threshold; when it is not, says
 * why, by scoring the true entry's names directly with the index's comparer. An unlisted name is
 * flagged when any candidate reaches the threshold. Thread-safe.
 */
final class Verdicts {
    /** What came of a variant of a listed name. */
    enum Variant {
        FOUND("found"),
        NOT_SHORTLISTED("missed by retrieval: the true entry would score at or above the threshold and above the top candidate, but was not among the names compared"),
        BELOW_THRESHOLD("missed by scoring: the true entry scores below the threshold"),
        OTHER_ENTRY_HIGHER("another entry scores higher than the true entry");

        final String description;

        Variant(String description) {
            this.description = description;
        }
    }

    private final List<ListEntry> entries;
    private final NameComparer comparer;
    private final NameNormalizer normalizer = new NameNormalizer();

    Verdicts(List<ListEntry> entries, NameComparer comparer) {
        this.entries = entries;
        this.comparer = comparer;
    }

    Variant variant(LabelledQueries.LabelledQuery q, List<Candidate> candidates) {
        double threshold = threshold(q);
        String truth = entries.get(q.truth()).sourceId();
        double top = candidates.isEmpty() ? 0 : candidates.getFirst().score();
        for (Candidate c : candidates) {
            if (c.entry().sourceId().equals(truth)) {
                return c.score() < threshold ? Variant.BELOW_THRESHOLD
                        : c.score() < top ? Variant.OTHER_ENTRY_HIGHER : Variant.FOUND;
            }
        }
        double truthScore = truthScore(q);
        if (truthScore < threshold) {
            return Variant.BELOW_THRESHOLD;
        }
        if (truthScore < top) {
            return Variant.OTHER_ENTRY_HIGHER;
        }
        // as high as the top candidate: tied with more entries than were returned, or never compared
        return truthScore == top ? Variant.FOUND : Variant.NOT_SHORTLISTED;
    }

    boolean flagged(LabelledQueries.LabelledQuery q, List<Candidate> candidates) {
        return !candidates.isEmpty() && candidates.getFirst().score() >= threshold(q);
    }

    /** Whether every word of one of the names is in the other: a namesake rather than a mistake of the matcher. */
    static boolean namesake(String query, String listed) {
        Set<String> a = new HashSet<>(Arrays.asList(LabelledQueries.key(query).split(" ")));
        Set<String> b = new HashSet<>(Arrays.asList(LabelledQueries.key(listed).split(" ")));
        return a.containsAll(b) || b.containsAll(a);
    }

    /** The best score of the true entry's names against the query (queries carry no country or date to adjust by). */
    double truthScore(LabelledQueries.LabelledQuery q) {
        NormalizedName query = normalizer.normalize(q.query().name(), q.query().schema());
        ListEntry truth = entries.get(q.truth());
        double best = 0;
        for (String name : truth.allNames()) {
            best = Math.max(best, comparer.compare(query, normalizer.normalize(name, truth.schema())).score());
        }
        return best;
    }

    static double threshold(LabelledQueries.LabelledQuery q) {
        return Thresholds.defaultFor(q.query().schema());
    }
}
