package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.evaluation.EvaluationReport.VariantMiss;
import edu.scrutiny.matching.evaluation.EvaluationReport.Variants;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Screens each UN person of {@code un-persons-variants.csv} (typos, reordering) against the UN list
 * and checks that the best candidate is the entry named in the same row of {@code un-persons-exact.csv}:
 * the entry whose primary name or an alias equals that name, ignoring case. Rows whose person is
 * not on the list at all are reported and left out of the recall.
 */
final class VariantEvaluation {
    static final String EXACT = "un-persons-exact.csv";
    static final String VARIANTS = "un-persons-variants.csv";
    /** Candidates looked at per query: enough to say where the expected entry came when it was not first. */
    static final int LIMIT = 5;
    private static final List<String> COLUMNS = List.of("full_name");

    Variants run(Path evalDir, ScreenedList un) {
        List<String> exact = EvaluationFiles.csv(evalDir.resolve(EXACT), COLUMNS, r -> EvaluationFiles.text(r, "full_name"));
        List<String> variants = EvaluationFiles.csv(evalDir.resolve(VARIANTS), COLUMNS, r -> EvaluationFiles.text(r, "full_name"));
        if (exact.size() != variants.size()) {
            throw new EvaluationDataException(evalDir.resolve(VARIANTS).toString(), variants.size() + " rows against "
                    + exact.size() + " in " + EXACT + "; expected the same persons in the same order");
        }
        Map<String, Set<String>> entriesByName = entriesByName(un.entries());
        double threshold = Thresholds.defaultFor(Schema.PERSON);
        List<String> notOnList = new ArrayList<>();
        List<VariantMiss> misses = new ArrayList<>();
        int found = 0;
        int foundAtThreshold = 0;
        for (int i = 0; i < variants.size(); i++) {
            Set<String> expected = entriesByName.getOrDefault(key(exact.get(i)), Set.of());
            if (expected.isEmpty()) {
                // the person was delisted after the test data was made: nothing to find
                notOnList.add(exact.get(i));
                continue;
            }
            List<Candidate> candidates = un.index().screen(ScreeningQuery.of(variants.get(i), Schema.PERSON), LIMIT, 0);
            int rank = rank(candidates, expected);
            if (rank == 1) {
                found++;
                if (candidates.get(0).score() >= threshold) {
                    foundAtThreshold++;
                    continue;
                }
            }
            Candidate best = candidates.isEmpty() ? null : candidates.get(0);
            misses.add(new VariantMiss(i + 1, variants.get(i), exact.get(i), String.join(" ", expected), rank,
                    best == null ? null : best.entry().sourceId(), best == null ? null : best.matchedName(),
                    best == null ? 0 : best.score(), best == null ? null : best.explain()));
        }
        int scored = variants.size() - notOnList.size();
        return new Variants(VARIANTS, un.name(), un.entries().size(), variants.size(), notOnList, scored, found,
                foundAtThreshold, Metrics.share(found, scored), Metrics.share(foundAtThreshold, scored), misses);
    }

    /** Source ids of the entries holding each name or alias, by name in lower case. */
    private static Map<String, Set<String>> entriesByName(List<ListEntry> entries) {
        Map<String, Set<String>> byName = new HashMap<>();
        for (ListEntry e : entries) {
            for (String n : e.allNames()) {
                byName.computeIfAbsent(key(n), k -> new LinkedHashSet<>()).add(e.sourceId());
            }
        }
        return byName;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** 1-based place of the first candidate that is one of the expected entries, or 0. */
    private static int rank(List<Candidate> candidates, Set<String> expected) {
        for (int i = 0; i < candidates.size(); i++) {
            if (expected.contains(candidates.get(i).entry().sourceId())) {
                return i + 1;
            }
        }
        return 0;
    }
}
