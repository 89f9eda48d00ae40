package edu.scrutiny.app.cli;

import edu.scrutiny.lists.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scrutiny evaluate}, run in-process through picocli. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    /** Runs the command as the command line would, with its handling of problems. */
    private static CliRun evaluate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = new CommandLine(new EvaluateCommand())
                .setExecutionExceptionHandler(new ProblemHandler())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(rc, out.toString(), err.toString());
    }

    @Test
    void aMissingEvalDirectoryIsAProblemSaidInOneLine() {
        Path missing = dir.resolve("no-eval");
        CliRun run = evaluate("--eval", missing.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ScrutinyCli.PROBLEM);
        assertThat(run.err()).startsWith("error: " + missing + ": no such directory")
                .contains("--eval DIR").doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingUniversitiesDirectoryIsAProblemSaidBeforeAnyWork() throws Exception {
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Path missing = dir.resolve("no-universities");
        CliRun run = evaluate("--eval", eval.toString(), "--lists", dir.toString(), "--universities", missing.toString(),
                "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ScrutinyCli.PROBLEM);
        assertThat(run.err()).startsWith("error: " + missing + ": no such directory").contains("--universities DIR")
                .doesNotContain("evaluate: scoring");
    }

    @Test
    void aMalformedEvalFileIsNamedWithItsLine() throws Exception {
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Files.writeString(eval.resolve("name-pairs-dev.csv"), "id,schema,name1,name2,is_match\nd1,Person,A B,A B,yes\n");
        CliRun run = evaluate("--eval", eval.toString(), "--lists", dir.toString(), "--universities", dir.toString(),
                "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ScrutinyCli.PROBLEM);
        assertThat(run.err()).contains("error: " + eval.resolve("name-pairs-dev.csv") + " line 2: column 'is_match' is 'yes'");
    }

    @Test
    void helpDescribesTheOptions() {
        CliRun run = evaluate("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: evaluate").contains("--eval").contains("--lists").contains("--out")
                .contains("--json").contains("--universities").contains("../shared/data/eval/universities");
    }

    @Test
    void evaluatesTheSharedDataAndWritesTheReports() throws Exception {
        Path eval = SharedData.eval("name-pairs-dev.csv").getParent();
        Path lists = SharedData.list("un-consolidated-2026-02-27.xml").getParent();
        Path out = dir.resolve("evaluation");
        Path universities = SharedData.eval("universities/queries.csv").getParent();
        CliRun run = evaluate("--eval", eval.toString(), "--lists", lists.toString(), "--universities", universities.toString(),
                "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.at("/name_pairs/pairs").asInt()).isEqualTo(337);
        assertThat(json.at("/un_variants/rows").asInt()).isEqualTo(683);
        assertThat(json.at("/universities/queries").asInt()).isEqualTo(5183);
        assertThat(json.at("/universities/recall").isNumber()).isTrue();
        assertThat(json.at("/universities/false_alarm_rate").isNumber()).isTrue();
        assertThat(json.at("/universities/lookalike_rate").isNumber()).isTrue();
        assertThat(json.at("/universities/misses").isArray()).isTrue();
        assertThat(json.at("/universities/alarms").isArray()).isTrue();
        assertThat(Json.MAPPER.readTree(Files.readString(out.resolve("report.json")))).isEqualTo(json);
        assertThat(Files.readString(out.resolve("report.txt")))
                .startsWith("Scrutiny matcher evaluation").contains("==== Details").contains("OpenSanctions logic-v2")
                .contains("Universities (").contains("-- Listed universities not found");
        assertThat(Files.readString(out.resolve("pr-curve.svg"))).contains("<svg").contains("id=\"curve\"");
        assertThat(run.err()).contains("evaluate: wrote report.txt, report.json and pr-curve.svg");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "report.txt", "report.json", "pr-curve.svg");
        }
    }
}
