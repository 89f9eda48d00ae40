package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.evaluation.EvaluationReport.CrossScript;
import edu.scrutiny.matching.evaluation.EvaluationReport.NamePairs;
import edu.scrutiny.matching.evaluation.EvaluationReport.Negatives;
import edu.scrutiny.matching.evaluation.EvaluationReport.Spellings;
import edu.scrutiny.matching.evaluation.EvaluationReport.Universities;
import edu.scrutiny.matching.evaluation.EvaluationReport.Variants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the whole evaluation: the labelled data of the eval directory
 * ({@code ../shared/data/eval}, see its README) against the matcher as it stands, with the lists
 * of the lists directory ({@code ../shared/data/lists}) for the screening parts.
 *
 * <ul>
 *   <li>name pairs: precision, recall and F1 at the default thresholds and at the best single
 *       threshold, overall and per schema group, and the precision-recall curve;</li>
 *   <li>UN variants: recall of the listed person under typos and reordering;</li>
 *   <li>negatives: false-positive rate of persons on no list, against the UN and OFAC SDN lists;</li>
 *   <li>cross-script pairs and spellings of one name: the share that match;</li>
 *   <li>universities against the research-security lists: recall of the listed, false alarms on
 *       the unlisted and on their look-alikes ({@link UniversityEvaluation}).</li>
 * </ul>
 */
public final class Evaluation {
    /** The UN list the variants come from, and the negatives are screened against. */
    public static final String UN_LIST = "un-consolidated-2026-02-27.xml";
    /** The OFAC SDN list (legacy CSV files) the negatives are screened against too. */
    public static final String SDN_LIST = "ofac-sdn-2021-07";

    private final Path evalDir;
    private final Path listsDir;
    private final Path universitiesDir;
    private final Consumer<String> progress;

    /**
     * @param evalDir  the labelled data
     * @param listsDir the lists ({@value #UN_LIST} and {@value #SDN_LIST} are read, and the OFAC
     *                 consolidated list for the universities)
     * @param universitiesDir the universities data ({@code queries.csv}, {@code gold.csv},
     *                 {@code hard-negatives.csv}, {@code lists/}; by default {@code universities} in the eval directory)
     * @param progress told what is being done, a line at a time, as the run goes
     */
    public Evaluation(Path evalDir, Path listsDir, Path universitiesDir, Consumer<String> progress) {
        this.evalDir = evalDir;
        this.listsDir = listsDir;
        this.universitiesDir = universitiesDir;
        this.progress = progress;
    }

    /**
     * Runs every part.
     *
     * @throws EvaluationDataException when an evaluation file is missing or not in its layout
     * @throws edu.scrutiny.lists.ListFormatException when a list is missing or malformed
     */
    public EvaluationReport run() throws IOException {
        if (!Files.isDirectory(evalDir)) {
            throw new EvaluationDataException(evalDir.toString(), "no such directory; expected the evaluation data"
                    + " (name-pairs-dev.csv, un-persons-*.csv...)");
        }
        long start = System.nanoTime();
        progress.accept("scoring " + NamePairEvaluation.FILE);
        NamePairs pairs = new NamePairEvaluation().run(evalDir);
        progress.accept("scoring " + CrossScriptEvaluation.FILE);
        CrossScript crossScript = new CrossScriptEvaluation().run(evalDir);
        progress.accept("scoring " + SpellingEvaluation.FILE);
        Spellings spellings = new SpellingEvaluation().run(evalDir);
        long pairwise = millisSince(start);
        int comparisons = pairs.pairs() + crossScript.pairs() + SpellingEvaluation.comparisons(spellings.spellings());

        start = System.nanoTime();
        progress.accept("reading and indexing " + UN_LIST);
        ScreenedList un = ScreenedList.read(listsDir, UN_LIST);
        progress.accept("reading and indexing " + SDN_LIST);
        ScreenedList sdn = ScreenedList.read(listsDir, SDN_LIST);
        long indexing = millisSince(start);

        start = System.nanoTime();
        progress.accept("screening " + VariantEvaluation.VARIANTS + " against " + UN_LIST);
        Variants variants = new VariantEvaluation().run(evalDir, un);
        int queries = variants.rows();
        List<Negatives> negatives = new ArrayList<>();
        for (String file : NegativeEvaluation.FILES) {
            List<String> names = NegativeEvaluation.names(evalDir, file);
            for (ScreenedList list : List.of(un, sdn)) {
                progress.accept("screening " + file + " against " + list.name());
                negatives.add(NegativeEvaluation.run(file, names, list));
                queries += names.size();
            }
        }
        long screening = millisSince(start);

        Universities universities = new UniversityEvaluation(progress).run(universitiesDir, listsDir);

        return new EvaluationReport(evalDir.toString(), listsDir.toString(),
                new EvaluationReport.DefaultThresholds(Thresholds.defaultFor(Schema.PERSON),
                        Thresholds.defaultFor(Schema.ORGANIZATION), Thresholds.defaultFor(Schema.VESSEL)),
                pairs, variants, negatives, crossScript, spellings, universities,
                new EvaluationReport.Timings(pairwise, comparisons, indexing, screening, queries));
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
