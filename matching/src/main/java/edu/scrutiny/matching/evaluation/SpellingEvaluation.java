package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.NameComparer;
import edu.scrutiny.matching.NameComparison;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.NormalizedName;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.TokenWeights;
import edu.scrutiny.matching.evaluation.EvaluationReport.Spelling;
import edu.scrutiny.matching.evaluation.EvaluationReport.Spellings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares every pair of the spellings of one name in {@code putin-spellings.txt} (scripts,
 * transliterations, titles, inversions), as persons: all should match each other, and each should
 * match the anchor spelling.
 */
final class SpellingEvaluation {
    static final String FILE = "putin-spellings.txt";
    static final String ANCHOR = "Vladimir Putin";

    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    Spellings run(Path evalDir) {
        List<String> spellings = EvaluationFiles.lines(evalDir.resolve(FILE));
        double threshold = Thresholds.defaultFor(Schema.PERSON);
        List<NormalizedName> normalized = spellings.stream().map(s -> normalizer.normalize(s, Schema.PERSON)).toList();
        int[] othersMatched = new int[spellings.size()];
        int pairs = 0;
        int pairsMatching = 0;
        for (int i = 0; i < spellings.size(); i++) {
            for (int j = i + 1; j < spellings.size(); j++) {
                pairs++;
                if (comparer.compare(normalized.get(i), normalized.get(j)).score() >= threshold) {
                    pairsMatching++;
                    othersMatched[i]++;
                    othersMatched[j]++;
                }
            }
        }
        NormalizedName anchor = normalizer.normalize(ANCHOR, Schema.PERSON);
        List<Spelling> each = new ArrayList<>();
        int matchingAnchor = 0;
        for (int i = 0; i < spellings.size(); i++) {
            NameComparison c = comparer.compare(normalized.get(i), anchor);
            boolean matches = c.score() >= threshold;
            if (matches) {
                matchingAnchor++;
            }
            each.add(new Spelling(spellings.get(i), c.score(), matches, othersMatched[i], c.explain()));
        }
        return new Spellings(FILE, spellings.size(), pairs, pairsMatching, Metrics.share(pairsMatching, pairs),
                ANCHOR, matchingAnchor, Metrics.share(matchingAnchor, spellings.size()), each);
    }

    /** Comparisons one run makes: every pair, and every spelling against the anchor. */
    static int comparisons(int spellings) {
        return spellings * (spellings - 1) / 2 + spellings;
    }
}
