package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.evaluation.EvaluationReport.FalsePositive;
import edu.scrutiny.matching.evaluation.EvaluationReport.Negatives;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens persons who are on no list against a list: every one with a candidate at or above the
 * default Person threshold is a false positive.
 */
final class NegativeEvaluation {
    static final List<String> FILES = List.of("persons-negatives-global-1000.csv", "persons-negatives-us-1000.csv");
    private static final List<String> COLUMNS = List.of("full_name");

    /** The names of one negatives file. */
    static List<String> names(Path evalDir, String file) {
        return EvaluationFiles.csv(evalDir.resolve(file), COLUMNS, r -> EvaluationFiles.text(r, "full_name"));
    }

    static Negatives run(String file, List<String> names, ScreenedList list) {
        double threshold = Thresholds.defaultFor(Schema.PERSON);
        List<FalsePositive> falsePositives = new ArrayList<>();
        for (String name : names) {
            List<Candidate> hits = list.index().screen(ScreeningQuery.of(name, Schema.PERSON), 1, threshold);
            if (!hits.isEmpty()) {
                Candidate c = hits.get(0);
                falsePositives.add(new FalsePositive(name, c.entry().sourceId(), c.matchedName(), c.score(), c.explain()));
            }
        }
        return new Negatives(file, list.name(), list.entries().size(), names.size(), threshold, falsePositives.size(),
                Metrics.share(falsePositives.size(), names.size()), falsePositives);
    }
}
