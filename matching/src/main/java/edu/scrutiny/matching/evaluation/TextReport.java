package edu.scrutiny.matching.evaluation;

import edu.scrutiny.matching.evaluation.EvaluationReport.CrossScript;
import edu.scrutiny.matching.evaluation.EvaluationReport.CrossScriptPair;
import edu.scrutiny.matching.evaluation.EvaluationReport.FalsePositive;
import edu.scrutiny.matching.evaluation.EvaluationReport.NamePairs;
import edu.scrutiny.matching.evaluation.EvaluationReport.Negatives;
import edu.scrutiny.matching.evaluation.EvaluationReport.PairGroup;
import edu.scrutiny.matching.evaluation.EvaluationReport.Reference;
import edu.scrutiny.matching.evaluation.EvaluationReport.ScoredPair;
import edu.scrutiny.matching.evaluation.EvaluationReport.Spelling;
import edu.scrutiny.matching.evaluation.EvaluationReport.Spellings;
import edu.scrutiny.matching.evaluation.EvaluationReport.Timings;
import edu.scrutiny.matching.evaluation.EvaluationReport.UniversityAlarm;
import edu.scrutiny.matching.evaluation.EvaluationReport.UniversityMiss;
import edu.scrutiny.matching.evaluation.EvaluationReport.Universities;
import edu.scrutiny.matching.evaluation.EvaluationReport.VariantMiss;
import edu.scrutiny.matching.evaluation.EvaluationReport.Variants;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The evaluation as text for people: a summary of the figures, then every error with the
 * matcher's explanation of its score.
 */
public final class TextReport {
    private final StringBuilder out = new StringBuilder();

    private TextReport() {
    }

    /** The figures only. */
    public static String summary(EvaluationReport report) {
        TextReport t = new TextReport();
        t.summaryOf(report);
        return t.out.toString();
    }

    /** The summary, then every misclassified pair, missed variant, false positive and failed comparison. */
    public static String full(EvaluationReport report) {
        TextReport t = new TextReport();
        t.summaryOf(report);
        t.details(report);
        return t.out.toString();
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private void summaryOf(EvaluationReport r) {
        line("Scrutiny matcher evaluation");
        line("  labelled data %s; lists %s", r.evalDirectory(), r.listsDirectory());
        line("  default thresholds: Person %.2f, Organization/Company/LegalEntity %.2f, Vessel/Airplane %.2f",
                r.thresholds().person(), r.thresholds().organization(), r.thresholds().vessel());
        line("");
        namePairs(r.namePairs());
        line("");
        variants(r.unVariants(), r.thresholds().person());
        line("");
        line("Negatives: persons on no list with a candidate at or above the Person threshold %.2f",
                r.thresholds().person());
        line("  %-34s  %-40s  %s", "persons", "against (entries)", "false positives");
        for (Negatives n : r.negatives()) {
            line("  %-34s  %-40s  %5d of %,d  %5.1f%%", n.file(), String.format(Locale.ROOT, "%s (%,d)", n.list(), n.listEntries()),
                    n.falsePositives(), n.queries(), 100 * n.rate());
        }
        line("");
        CrossScript c = r.crossScript();
        line("Cross-script pairs (%s): %d of %d reach their minimum score (%.3f)", c.file(), c.passed(), c.pairs(), c.passRate());
        line("");
        Spellings s = r.spellings();
        line("Spellings of one name (%s): %d spellings", s.file(), s.spellings());
        line("  %-48s  %.3f  (%,d of %,d)", String.format(Locale.ROOT, "pairs at or above the Person threshold %.2f",
                r.thresholds().person()), s.pairShare(), s.pairsMatching(), s.pairs());
        line("  %-48s  %.3f  (%d of %d)", "spellings matching \"" + s.anchor() + "\"", s.anchorShare(),
                s.matchingAnchor(), s.spellings());
        line("");
        universities(r.universities());
        line("");
        Timings t = r.timings();
        line("Timing (wall time on this machine, for information)");
        line("  comparing   %,d comparisons in %,d ms (%.3f ms each)", t.comparisons(), t.pairwiseMillis(),
                (double) t.pairwiseMillis() / Math.max(1, t.comparisons()));
        line("  indexing    UN and SDN lists read and indexed in %,d ms", t.indexingMillis());
        line("  screening   %,d queries in %,d ms (%.3f ms each)", t.screeningQueries(), t.screeningMillis(),
                (double) t.screeningMillis() / Math.max(1, t.screeningQueries()));
        Universities u = r.universities();
        line("  universities: six lists read and indexed in %,d ms; %,d universities screened in %,d ms (%.3f ms each)",
                u.indexingMillis(), u.queries(), u.screeningMillis(), (double) u.screeningMillis() / Math.max(1, u.queries()));
    }

    private void universities(Universities u) {
        line("Universities (%s, %,d screened against %s) with a match at or above the Organization threshold %.2f",
                u.directory(), u.queries(), u.lists().stream().map(l -> String.format(Locale.ROOT, "%s %,d", l.key(), l.entries()))
                        .collect(Collectors.joining(", ")), u.threshold());
        line("  %-48s  %.3f  (%d of %d)", "recall: listed universities found on their entry", u.recall(), u.found(), u.listed());
        line("  %-48s  %.4f  (%d of %,d)", "false alarms among unlisted universities", u.falseAlarmRate(), u.falseAlarms(),
                u.unlisted());
        line("  %-48s  %.3f  (%d of %d)", "look-alikes alarmed (hard-negatives.csv)", u.lookalikeRate(), u.lookalikesAlarmed(),
                u.lookalikes());
    }

    private void namePairs(NamePairs p) {
        line("Name pairs (%s): %d pairs judged by analysts, %d of them matches", p.file(), p.pairs(), p.all().matches());
        line("  %-36s %5s   %-20s   %s", "", "", "at default threshold", "at best single threshold");
        line("  %-36s %5s   %6s %6s %6s   %-9s  %6s %6s %6s", "group", "pairs", "P", "R", "F1", "threshold", "P", "R", "F1");
        for (PairGroup g : p.groups()) {
            Metrics d = g.atDefault();
            ThresholdSweep.Best b = g.sweep().best();
            Metrics m = b.metrics();
            line("  %-36s %5d   %6.3f %6.3f %6.3f   %-9s  %6.3f %6.3f %6.3f", g.group(), g.pairs(),
                    d.precision(), d.recall(), d.f1(), range(b), m.precision(), m.recall(), m.f1());
        }
        Reference ref = p.reference();
        line("  %-36s %5s   %6.3f %6.3f %6.3f", ref.matcher() + " (reference)", "", ref.precision(), ref.recall(), ref.f1());
        Metrics d = p.all().atDefault();
        line("  at the default thresholds: F1 %+.3f against the reference; %d misclassified (%d matches missed, %d false matches)",
                d.f1() - ref.f1(), d.falseNegatives() + d.falsePositives(), d.falseNegatives(), d.falsePositives());
    }

    private static String range(ThresholdSweep.Best b) {
        return b.upTo() > b.threshold() ? String.format(Locale.ROOT, "%.2f-%.2f", b.threshold(), b.upTo())
                : String.format(Locale.ROOT, "%.2f", b.threshold());
    }

    private void variants(Variants v, double threshold) {
        line("UN variants (%s screened against %s, %,d entries)", v.file(), v.list(), v.listEntries());
        line("  %-48s  %.3f  (%d of %d)", "recall: best candidate is the listed person", v.recall(), v.found(), v.scored());
        line("  %-48s  %.3f  (%d of %d)", String.format(Locale.ROOT, "recall at or above the Person threshold %.2f", threshold),
                v.recallAtThreshold(), v.foundAtThreshold(), v.scored());
        if (!v.notOnList().isEmpty()) {
            line("  %d of the %d persons are not on this edition of the list and are left out: %s", v.notOnList().size(),
                    v.rows(), String.join("; ", v.notOnList()));
        }
    }

    private void details(EvaluationReport r) {
        line("");
        line("==== Details");
        List<ScoredPair> wrong = r.namePairs().misclassified();
        line("");
        line("-- Name pairs misclassified at the default thresholds (%d)", wrong.size());
        pairs("matches missed (score below the threshold)", wrong.stream().filter(ScoredPair::match)
                .sorted(Comparator.comparingDouble(ScoredPair::score)).toList());
        pairs("false matches (score at or above the threshold)", wrong.stream().filter(p -> !p.match())
                .sorted(Comparator.comparingDouble(ScoredPair::score).reversed()).toList());

        List<VariantMiss> misses = r.unVariants().misses();
        line("");
        line("-- UN variants not found first (%d)", misses.stream().filter(m -> !m.foundBelowThreshold()).count());
        misses.stream().filter(m -> !m.foundBelowThreshold()).forEach(this::miss);
        line("");
        line("-- UN variants found first, but below the Person threshold (%d)",
                misses.stream().filter(VariantMiss::foundBelowThreshold).count());
        misses.stream().filter(VariantMiss::foundBelowThreshold).forEach(this::miss);

        line("");
        line("-- False positives among persons on no list (%d)", r.negatives().stream().mapToInt(Negatives::falsePositives).sum());
        for (Negatives n : r.negatives()) {
            if (n.details().isEmpty()) {
                continue;
            }
            line("  %s against %s (%d):", n.file(), n.list(), n.falsePositives());
            for (FalsePositive f : n.details()) {
                line("    %.3f  \"%s\" -> %s \"%s\"", f.score(), f.query(), f.entryId(), f.listedName());
                line("           %s", f.explanation());
            }
        }

        Universities u = r.universities();
        line("");
        line("-- Listed universities not found (%d)", u.misses().size());
        for (UniversityMiss m : u.misses()) {
            line("  %s  \"%s\" (%s), expected %s", m.queryId(), m.name(), m.country(), String.join(" ", m.expected()));
            if (m.candidate() == null) {
                line("           no candidate at all");
            } else {
                line("           %s \"%s\" %.3f: %s", m.candidate(), m.matchedName(), m.score(), m.explanation());
            }
        }
        line("");
        line("-- Unlisted universities alarmed (%d, of them %d look-alikes marked *)", u.alarms().size(), u.lookalikesAlarmed());
        for (UniversityAlarm a : u.alarms()) {
            line("  %s%s \"%s\" (%s) -> %s \"%s\" %.3f", a.lookalike() ? "*" : " ", a.queryId(), a.name(), a.country(),
                    a.entry(), a.matchedName(), a.score());
            line("           %s", a.explanation());
        }

        List<CrossScriptPair> failed = r.crossScript().outcomes().stream().filter(c -> !c.passed()).toList();
        line("");
        line("-- Cross-script pairs below their minimum (%d)", failed.size());
        for (CrossScriptPair c : failed) {
            line("  %.3f < %.2f  \"%s\" / \"%s\"  (%s)", c.score(), c.minScore(), c.query(), c.expected(), c.description());
            line("           %s", c.explanation());
        }

        Spellings s = r.spellings();
        List<Spelling> notAnchor = s.each().stream().filter(e -> !e.matchesAnchor())
                .sorted(Comparator.comparingDouble(Spelling::anchorScore)).toList();
        line("");
        line("-- Spellings not matching \"%s\" (%d)", s.anchor(), notAnchor.size());
        for (Spelling e : notAnchor) {
            line("  %.3f  \"%s\"  (matches %d of the %d other spellings)", e.anchorScore(), e.spelling(),
                    e.othersMatched(), s.spellings() - 1);
            line("           %s", e.anchorExplanation());
        }
        List<Spelling> partial = s.each().stream().filter(e -> e.othersMatched() < s.spellings() - 1)
                .sorted(Comparator.comparingInt(Spelling::othersMatched)).toList();
        line("");
        line("-- Spellings by how many of the %d others they match, fewest first (%d; those matching all are left out)",
                s.spellings() - 1, partial.size());
        for (Spelling e : partial) {
            line("  %3d  \"%s\"", e.othersMatched(), e.spelling());
        }
    }

    private void pairs(String title, List<ScoredPair> pairs) {
        line("  %s: %d", title, pairs.size());
        for (ScoredPair p : pairs) {
            line("    %.3f  %-5s %-12s \"%s\" / \"%s\"", p.score(), p.id(), p.schema(), p.name1(), p.name2());
            line("           %s", p.explanation());
        }
    }

    private void miss(VariantMiss m) {
        String where = m.expectedRank() == 0 ? "not among the candidates" : "came " + ordinal(m.expectedRank());
        line("  row %d  \"%s\" for \"%s\" (%s): %s", m.row(), m.variant(), m.expected(),
                m.expectedId(), where);
        if (m.bestName() == null) {
            line("           no candidate at all");
        } else {
            line("           best %s \"%s\" %.3f: %s", m.bestId(), m.bestName(), m.bestScore(), m.explanation());
        }
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }
}
