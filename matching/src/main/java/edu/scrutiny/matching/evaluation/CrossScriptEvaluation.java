package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.NameComparer;
import edu.scrutiny.matching.NameComparison;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.TokenWeights;
import edu.scrutiny.matching.evaluation.EvaluationReport.CrossScript;
import edu.scrutiny.matching.evaluation.EvaluationReport.CrossScriptPair;

import java.nio.file.Path;
import java.util.List;

/**
 * Compares each name of {@code cross-script-pairs.csv} (Arabic, Cyrillic, Han, Hangul...) with its
 * Latin spelling, as persons, and checks the score reaches the pair's minimum.
 */
final class CrossScriptEvaluation {
    static final String FILE = "cross-script-pairs.csv";
    /** The file has no header row; its comment lines name these columns. */
    private static final List<String> COLUMNS = List.of("Query", "Expected Match", "Min Score", "Description");

    private record Pair(String query, String expected, double minScore, String description) {
    }

    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    CrossScript run(Path evalDir) {
        List<CrossScriptPair> outcomes = EvaluationFiles.headerlessCsv(evalDir.resolve(FILE), COLUMNS, r -> new Pair(
                        EvaluationFiles.text(r, "Query"), EvaluationFiles.text(r, "Expected Match"),
                        EvaluationFiles.score(r, "Min Score"), r.get("Description").strip()))
                .stream().map(this::score).toList();
        int passed = (int) outcomes.stream().filter(CrossScriptPair::passed).count();
        return new CrossScript(FILE, outcomes.size(), passed, Metrics.share(passed, outcomes.size()), outcomes);
    }

    private CrossScriptPair score(Pair p) {
        NameComparison c = comparer.compare(normalizer.normalize(p.query(), Schema.PERSON),
                normalizer.normalize(p.expected(), Schema.PERSON));
        return new CrossScriptPair(p.query(), p.expected(), p.minScore(), p.description(), c.score(),
                c.score() >= p.minScore(), c.explain());
    }
}
