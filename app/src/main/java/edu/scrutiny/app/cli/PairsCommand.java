package edu.scrutiny.app.cli;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.NameComparer;
import edu.scrutiny.matching.NameComparison;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.TokenWeights;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code scrutiny pairs}: scores pairs of names, for evaluation against judged pairs. */
@Command(name = "pairs",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Scores pairs of names with the matcher.",
                "PAIRS.csv has a header with the columns id, schema, name1 and name2 (other columns are ignored);",
                "SCORES.csv gets the header id,score,match and one row per input row, in the same order, where",
                "match applies the default threshold of the row's schema. A row that cannot be scored is reported",
                "at the end (exit code 1) and has no row in SCORES.csv."})
final class PairsCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "PAIRS.csv", description = "The pairs to score.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "SCORES.csv", description = "Where to write the scores.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NameNormalizer normalizer = new NameNormalizer();
        NameComparer comparer = new NameComparer(TokenWeights.defaults());
        List<String> errors = new ArrayList<>();
        long[] scored = {0};
        try (AtomicOutput output = new AtomicOutput(out);
             CSVPrinter csv = new CSVPrinter(output.writer(), CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            csv.printRecord("id", "score", "match");
            InputCsv.read(in, List.of("id", "schema", "name1", "name2"), List.of(), new InputCsv.Handler() {
                @Override
                public void row(InputCsv.Row row) throws IOException {
                    String problem = check(row);
                    if (problem != null) {
                        errors.add(row.location() + ": " + problem);
                        return;
                    }
                    Schema schema = row.get("schema").isEmpty() ? null : Schema.fromFtm(row.get("schema")).orElseThrow();
                    NameComparison c = comparer.compare(normalizer.normalize(row.get("name1"), schema),
                            normalizer.normalize(row.get("name2"), schema));
                    csv.printRecord(row.get("id"), String.format(Locale.ROOT, "%.4f", c.score()),
                            c.score() >= Thresholds.defaultFor(schema));
                    scored[0]++;
                }

                @Override
                public void error(String location, String problem) {
                    errors.add(location + ": " + problem);
                }
            });
            csv.flush();
            output.commit();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "scored %,d pairs; results in %s%n", scored[0], out);
        errors.forEach(e -> err.println("error: " + e));
        return errors.isEmpty() ? ScrutinyCli.OK : ScrutinyCli.PROBLEM;
    }

    private static String check(InputCsv.Row row) {
        if (row.get("id").isEmpty()) {
            return "column 'id' is empty";
        }
        for (String col : List.of("name1", "name2")) {
            String v = row.get(col);
            if (v.isEmpty()) {
                return "column '" + col + "' is empty; both names are needed";
            }
            if (v.length() > NameNormalizer.MAX_CHARS) {
                return String.format(Locale.ROOT, "column '%s' is %,d characters long; at most %,d are accepted",
                        col, v.length(), NameNormalizer.MAX_CHARS);
            }
        }
        String s = row.get("schema");
        if (!s.isEmpty() && Schema.fromFtm(s).isEmpty()) {
            return "column 'schema' is '" + s + "', expected Person, Organization, Company, LegalEntity, Vessel or Airplane";
        }
        return null;
    }
}
