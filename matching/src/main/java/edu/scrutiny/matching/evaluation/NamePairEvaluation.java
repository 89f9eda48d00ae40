package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.NameComparer;
import edu.scrutiny.matching.NameComparison;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.TokenWeights;
import edu.scrutiny.matching.evaluation.EvaluationReport.NamePairs;
import edu.scrutiny.matching.evaluation.EvaluationReport.PairGroup;
import edu.scrutiny.matching.evaluation.EvaluationReport.ScoredPair;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores the analyst-judged pairs of {@code name-pairs-dev.csv} with the comparer and its built-in
 * weights (no index: the pairs come from many lists), overall and per schema group.
 */
final class NamePairEvaluation {
    static final String FILE = "name-pairs-dev.csv";
    private static final List<String> COLUMNS = List.of("id", "schema", "name1", "name2", "is_match");

    private record NamePair(String id, Schema schema, String name1, String name2, boolean match) {
    }

    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    NamePairs run(Path evalDir) {
        List<NamePair> pairs = EvaluationFiles.csv(evalDir.resolve(FILE), COLUMNS, NamePairEvaluation::pair);
        List<ScoredPair> scored = pairs.stream().map(this::score).toList();
        List<PairGroup> groups = new ArrayList<>();
        groups.add(group("all", scored));
        for (SchemaGroup g : SchemaGroup.values()) {
            List<ScoredPair> members = IntStream.range(0, pairs.size())
                    .filter(i -> SchemaGroup.of(pairs.get(i).schema()) == g).mapToObj(scored::get).toList();
            if (!members.isEmpty()) {
                groups.add(group(g.label, members));
            }
        }
        return new NamePairs(FILE, pairs.size(), EvaluationReport.Reference.LOGIC_V2, groups, scored);
    }

    private static NamePair pair(EvaluationFiles.Row row) {
        String schema = EvaluationFiles.text(row, "schema");
        Schema s = Schema.fromFtm(schema).orElseThrow(() -> new EvaluationDataException(row.location(),
                "column 'schema' is '" + schema + "'; expected a FollowTheMoney schema such as Person, Company or Vessel"));
        return new NamePair(EvaluationFiles.text(row, "id"), s, EvaluationFiles.text(row, "name1"),
                EvaluationFiles.text(row, "name2"), EvaluationFiles.bool(row, "is_match"));
    }

    private ScoredPair score(NamePair p) {
        NameComparison c = comparer.compare(normalizer.normalize(p.name1(), p.schema()),
                normalizer.normalize(p.name2(), p.schema()));
        return new ScoredPair(p.id(), p.schema().ftmName(), p.name1(), p.name2(), p.match(), c.score(),
                Thresholds.defaultFor(p.schema()), c.explain());
    }

    private static PairGroup group(String name, List<ScoredPair> pairs) {
        List<Judgement> judgements = pairs.stream().map(p -> new Judgement(p.score(), p.match(), p.threshold())).toList();
        int matches = (int) pairs.stream().filter(ScoredPair::match).count();
        return new PairGroup(name, pairs.size(), matches, Metrics.atOwnThresholds(judgements), ThresholdSweep.of(judgements));
    }
}
