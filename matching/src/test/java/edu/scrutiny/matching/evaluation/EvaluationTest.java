package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.SharedData;
import edu.scrutiny.matching.evaluation.EvaluationReport.Negatives;
import edu.scrutiny.matching.evaluation.EvaluationReport.PairGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole evaluation on the shared data (skipped, saying so, where it is absent). The matcher is
 * being tuned, so this checks that every row is read and every figure is a proportion, not how
 * good the figures are.
 */
class EvaluationTest {
    private static EvaluationReport report;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        Path evalDir = SharedData.eval(NamePairEvaluation.FILE).getParent();
        Path listsDir = SharedData.list(Evaluation.UN_LIST).getParent();
        SharedData.list(Evaluation.SDN_LIST);
        Path universities = SharedData.eval("universities/" + UniversityEvaluation.QUERIES).getParent();
        report = new Evaluation(evalDir, listsDir, universities, progress::add).run();
    }

    @Test
    void readsEveryRow() {
        assertThat(report.namePairs().pairs()).isEqualTo(337);
        assertThat(report.namePairs().scored()).hasSize(337);
        PairGroup all = report.namePairs().all();
        assertThat(all.pairs()).isEqualTo(337);
        assertThat(all.atDefault().total()).isEqualTo(337);
        assertThat(report.namePairs().groups().stream().skip(1).mapToInt(PairGroup::pairs).sum()).isEqualTo(337);
        assertThat(report.unVariants().rows()).isEqualTo(683);
        assertThat(report.unVariants().scored() + report.unVariants().notOnList().size()).isEqualTo(683);
        assertThat(report.negatives()).hasSize(4);
        assertThat(report.negatives()).allSatisfy(n -> assertThat(n.queries()).isEqualTo(1000));
        assertThat(report.negatives()).extracting(Negatives::file).containsExactly(
                "persons-negatives-global-1000.csv", "persons-negatives-global-1000.csv",
                "persons-negatives-us-1000.csv", "persons-negatives-us-1000.csv");
        assertThat(report.crossScript().pairs()).isEqualTo(22);
        // the README says 80: its last line has no line break, so wc -l counts one fewer
        assertThat(report.spellings().spellings()).isEqualTo(81);
        assertThat(report.spellings().pairs()).isEqualTo(81 * 80 / 2);
        assertThat(report.timings().screeningQueries()).isEqualTo(683 + 4 * 1000);
        // the universities README: 5,183 universities, 24 listed, 79 hard look-alikes, six lists
        assertThat(report.universities().queries()).isEqualTo(5183);
        assertThat(report.universities().listed()).isEqualTo(24);
        assertThat(report.universities().unlisted()).isEqualTo(5183 - 24);
        assertThat(report.universities().lookalikes()).isEqualTo(79);
        assertThat(report.universities().lists()).extracting(EvaluationReport.ScreenedListSummary::key).containsExactly(
                "us_ofac_sdn", "us_ofac_cons", "us_trade_csl", "un_sc", "section_1286", "section_1260h");
        assertThat(report.universities().lists()).allSatisfy(l -> assertThat(l.entries()).isPositive());
        assertThat(progress).isNotEmpty();
    }

    @Test
    void everyFigureIsAProportion() {
        List<Double> figures = new ArrayList<>();
        for (PairGroup g : report.namePairs().groups()) {
            addAll(figures, g.atDefault());
            addAll(figures, g.sweep().best().metrics());
            g.sweep().curve().forEach(p -> addAll(figures, p.metrics()));
            assertThat(g.sweep().curve()).hasSize(101);
        }
        report.namePairs().scored().forEach(p -> figures.add(p.score()));
        figures.add(report.unVariants().recall());
        figures.add(report.unVariants().recallAtThreshold());
        report.negatives().forEach(n -> figures.add(n.rate()));
        figures.add(report.crossScript().passRate());
        report.crossScript().outcomes().forEach(c -> figures.add(c.score()));
        figures.add(report.spellings().pairShare());
        figures.add(report.spellings().anchorShare());
        figures.add(report.universities().recall());
        figures.add(report.universities().falseAlarmRate());
        figures.add(report.universities().lookalikeRate());
        assertThat(figures).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(report.unVariants().foundAtThreshold()).isLessThanOrEqualTo(report.unVariants().found());
    }

    @Test
    void everyErrorIsListedWithItsExplanation() {
        String text = TextReport.full(report);
        for (var p : report.namePairs().misclassified()) {
            assertThat(text).contains(p.name1()).contains(p.explanation());
        }
        for (var m : report.unVariants().misses()) {
            assertThat(text).contains("row " + m.row());
        }
        for (Negatives n : report.negatives()) {
            assertThat(n.details()).hasSize(n.falsePositives());
            n.details().forEach(f -> assertThat(text).contains(f.query()).contains(f.explanation()));
        }
        var u = report.universities();
        assertThat(u.misses()).hasSize(u.listed() - u.found());
        assertThat(u.alarms()).hasSize(u.falseAlarms());
        assertThat(u.alarms().stream().filter(EvaluationReport.UniversityAlarm::lookalike)).hasSize(u.lookalikesAlarmed());
        u.misses().forEach(m -> assertThat(text).contains(m.queryId() + "  \"" + m.name()));
        u.alarms().forEach(a -> assertThat(text).contains(a.queryId() + " \"" + a.name()).contains(a.explanation()));
        assertThat(text).startsWith(TextReport.summary(report));
    }

    @Test
    void jsonHoldsTheSameFigures() {
        JsonNode json = JsonMapper.builder().build().readTree(JsonReport.of(report));
        assertThat(json.at("/name_pairs/pairs").asInt()).isEqualTo(337);
        assertThat(json.at("/name_pairs/groups/0/at_default/f1").asDouble())
                .isEqualTo(report.namePairs().all().atDefault().f1());
        assertThat(json.at("/name_pairs/groups/0/sweep/curve")).hasSize(101);
        assertThat(json.at("/un_variants/rows").asInt()).isEqualTo(683);
        assertThat(json.at("/negatives")).hasSize(4);
        assertThat(json.at("/spellings/spellings").asInt()).isEqualTo(81);
        assertThat(json.at("/universities/recall").asDouble()).isEqualTo(report.universities().recall());
        assertThat(json.at("/universities/false_alarm_rate").asDouble()).isEqualTo(report.universities().falseAlarmRate());
        assertThat(json.at("/universities/lookalike_rate").asDouble()).isEqualTo(report.universities().lookalikeRate());
        assertThat(json.at("/universities/misses")).hasSize(report.universities().misses().size());
        assertThat(json.at("/universities/alarms")).hasSize(report.universities().alarms().size());
    }

    private static void addAll(List<Double> figures, Metrics m) {
        figures.add(m.precision());
        figures.add(m.recall());
        figures.add(m.f1());
    }
}
