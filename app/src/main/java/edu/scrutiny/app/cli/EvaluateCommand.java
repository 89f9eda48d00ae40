package edu.scrutiny.app.cli;

import edu.scrutiny.matching.evaluation.Evaluation;
import edu.scrutiny.matching.evaluation.EvaluationDataException;
import edu.scrutiny.matching.evaluation.EvaluationReport;
import edu.scrutiny.matching.evaluation.JsonReport;
import edu.scrutiny.matching.evaluation.PrCurveSvg;
import edu.scrutiny.matching.evaluation.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code scrutiny evaluate}: measures the matcher on the labelled evaluation data. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
                "Measures the matcher on the labelled evaluation data.",
                "Scores the analyst-judged name pairs (precision, recall and F1 at the default thresholds and at the",
                "best single threshold, per schema group, and the precision-recall curve), screens UN persons spelt",
                "with typos against the UN list (recall), screens persons on no list against the UN and OFAC SDN lists",
                "(false-positive rate), compares cross-script pairs and spellings of one name, and screens the world's",
                "universities against the research-security lists (recall, false alarms, look-alikes alarmed).",
                "Prints the summary, and writes report.txt (the summary, then every error with its explanation),",
                "report.json and pr-curve.svg to the output directory."})
final class EvaluateCommand implements Callable<Integer> {
    static final String TEXT_REPORT = "report.txt";
    static final String JSON_REPORT = "report.json";
    static final String CHART = "pr-curve.svg";

    @Option(names = "--eval", paramLabel = "DIR", defaultValue = "../shared/data/eval",
            description = "The evaluation data: name-pairs-dev.csv, un-persons-*.csv, persons-negatives-*.csv, "
                    + "cross-script-pairs.csv, putin-spellings.txt (default: ${DEFAULT-VALUE}).")
    Path eval;

    @Option(names = "--lists", paramLabel = "DIR", defaultValue = "../shared/data/lists",
            description = "The lists to screen against: " + Evaluation.UN_LIST + " and " + Evaluation.SDN_LIST
                    + "/ (default: ${DEFAULT-VALUE}).")
    Path lists;

    @Option(names = "--universities", paramLabel = "DIR", defaultValue = "../shared/data/eval/universities",
            description = "The universities data: queries.csv, gold.csv, hard-negatives.csv and lists/ with csl-2023-11.csv,"
                    + " section_1286.csv and section_1260h.csv (default: ${DEFAULT-VALUE}).")
    Path universities;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "evaluation",
            description = "Where to write " + TEXT_REPORT + ", " + JSON_REPORT + " and " + CHART + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the JSON report instead of the summary.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        requireDirectory(eval, "--eval", "the evaluation data (name-pairs-dev.csv and the other files of ../shared/data/eval)");
        requireDirectory(lists, "--lists", "the lists directory holding " + Evaluation.UN_LIST + " and " + Evaluation.SDN_LIST);
        requireDirectory(universities, "--universities", "the universities data (queries.csv, gold.csv, hard-negatives.csv, lists/)");
        EvaluationReport report;
        try {
            report = new Evaluation(eval, lists, universities, step -> {
                err.println("evaluate: " + step);
                err.flush();
            }).run();
        } catch (EvaluationDataException e) {
            throw new CommandProblem(e.getMessage());
        }
        String jsonReport = JsonReport.of(report);
        Files.createDirectories(out);
        write(TEXT_REPORT, TextReport.full(report));
        write(JSON_REPORT, jsonReport);
        write(CHART, PrCurveSvg.of(report.namePairs()));
        stdout.print(json ? jsonReport + System.lineSeparator() : TextReport.summary(report));
        stdout.flush();
        err.println("evaluate: wrote " + TEXT_REPORT + ", " + JSON_REPORT + " and " + CHART + " to " + out.toAbsolutePath().normalize());
        return ScrutinyCli.OK;
    }

    private static void requireDirectory(Path dir, String option, String what) {
        if (!Files.isDirectory(dir)) {
            throw new CommandProblem(dir + ": no such directory; expected " + what + " (give its place with " + option + " DIR)");
        }
    }

    /** Writes a report file whole or not at all: a run that fails halfway leaves the previous report in place. */
    private void write(String name, String content) throws IOException {
        Path temporary = Files.createTempFile(out, name, ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, out.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
