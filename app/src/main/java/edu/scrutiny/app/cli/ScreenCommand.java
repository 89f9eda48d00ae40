package edu.scrutiny.app.cli;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ScreeningSources;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.batch.BatchScreener;
import edu.scrutiny.matching.batch.HitRow;
import edu.scrutiny.matching.batch.QueryRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code scrutiny screen}: batch screening of a file of names against lists. The output appears
 * whole when the run completes ({@link AtomicOutput}); queries are screened in parallel on every
 * core, in batches, and written in input order. Rows are parsed and screened by the matching
 * library's {@link BatchScreener}, the code path the Spark job shares.
 */
@Command(name = "screen",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Screens a file of names against restricted-party lists.",
                "QUERIES.csv has a header with the columns id and name (required) and schema, country",
                "(alpha-2 codes separated by ';') and birth_date (optional); other columns are ignored.",
                "HITS.csv gets one row per candidate: query_id,rank,score,match,list,source_id,entity_name,matched_name.",
                "Candidates scoring at least " + BatchScreener.FLOOR + " (or the threshold, if lower) are listed; match is true",
                "at or above the threshold. Rows that cannot be screened are reported at the end (exit code 1),",
                "the others are still screened."})
final class ScreenCommand implements Callable<Integer> {
    private static final int BATCH = 4_096;
    private static final int MAX_ERRORS_SHOWN = 50;

    @Option(names = "--list", required = true, paramLabel = "PATH",
            description = "A list file, directory of lists or zip archive, in any format Scrutiny reads, or a directory "
                    + "written by 'lists export'. Repeatable.")
    List<Path> lists;

    @Option(names = "--in", required = true, paramLabel = "QUERIES.csv", description = "The names to screen.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "HITS.csv", description = "Where to write the candidates.")
    Path out;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Score from 0 to 1 at which a candidate is a match (default: calibrated per schema, "
                    + "Person " + Thresholds.PERSON + ", organisations " + Thresholds.ORGANIZATION + ", vessels and aircraft "
                    + Thresholds.VESSEL + ", unknown " + Thresholds.ANY + ").")
    Double threshold;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "5",
            description = "Candidates kept per query (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Screen against the entries in force on this date (listed on or before it, not delisted on or before it).")
    LocalDate asOf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String optionProblem = BatchScreener.checkOptions(threshold, limit);
        if (optionProblem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), optionProblem);
        }
        PrintWriter err = spec.commandLine().getErr();
        BatchScreener screener = new BatchScreener(index(err), threshold, limit);
        long expected = countLines(in) - 1;
        Progress progress = new Progress(err, "names", expected);
        List<QueryRow> batch = new ArrayList<>(BATCH);
        List<String> errors = new ArrayList<>();
        long[] screened = {0};
        try (AtomicOutput output = new AtomicOutput(out);
             CSVPrinter csv = new CSVPrinter(output.writer(), CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            csv.printRecord(HitRow.SCREEN_COLUMNS);
            InputCsv.read(in, QueryRow.REQUIRED, QueryRow.OPTIONAL, new InputCsv.Handler() {
                @Override
                public void row(InputCsv.Row row) throws IOException {
                    QueryRow p = QueryRow.parse(row.location(), row::get, asOf);
                    if (p.problem() != null) {
                        errors.add(p.location() + ": " + p.problem());
                        return;
                    }
                    batch.add(p);
                    if (batch.size() == BATCH) {
                        screened[0] += flush(screener, batch, csv);
                        progress.update(screened[0]);
                    }
                }

                @Override
                public void error(String location, String problem) {
                    errors.add(location + ": " + problem);
                }
            });
            screened[0] += flush(screener, batch, csv);
            csv.flush();
            output.commit();
        }
        progress.finish(screened[0]);
        err.printf(Locale.ROOT, "screened %,d names; results in %s%n", screened[0], out);
        if (!errors.isEmpty()) {
            errors.stream().limit(MAX_ERRORS_SHOWN).forEach(e -> err.println("error: " + e));
            if (errors.size() > MAX_ERRORS_SHOWN) {
                err.printf(Locale.ROOT, "... and %,d more rows with errors%n", errors.size() - MAX_ERRORS_SHOWN);
            }
            err.printf(Locale.ROOT, "%,d rows could not be screened (above); all other rows were%n", errors.size());
            return ScrutinyCli.PROBLEM;
        }
        return ScrutinyCli.OK;
    }

    private ScreeningIndex index(PrintWriter err) throws IOException {
        long start = System.nanoTime();
        List<ListEntry> entries = ScreeningSources.read(lists, err::println);
        ScreeningIndex index = ScreeningIndex.build(entries);
        err.printf(Locale.ROOT, "indexed %,d entries, %,d names in %.1f s%n", index.size(), index.names(),
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return index;
    }

    /** Screens a batch in parallel and writes it in input order. */
    private static int flush(BatchScreener screener, List<QueryRow> batch, CSVPrinter csv) throws IOException {
        List<List<HitRow>> results = batch.parallelStream().map(screener::screen).toList();
        for (List<HitRow> rows : results) {
            for (HitRow h : rows) {
                csv.printRecord(h.queryId(), h.rank(), h.scoreText(), h.match(), h.list(), h.sourceId(), h.entityName(),
                        h.matchedName());
            }
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** Lines in the file, for the progress estimate; quoted fields spanning lines make it a slight overestimate. */
    private static long countLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
