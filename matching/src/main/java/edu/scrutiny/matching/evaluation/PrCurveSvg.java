package edu.scrutiny.matching.evaluation;

import edu.scrutiny.matching.evaluation.EvaluationReport.NamePairs;
import edu.scrutiny.matching.evaluation.EvaluationReport.PairGroup;
import edu.scrutiny.matching.evaluation.EvaluationReport.Reference;

import java.util.Locale;

/**
 * The precision-recall curve of the name pairs as a standalone SVG chart: recall across,
 * precision up, one point per threshold from 0.00 to 1.00 (thresholds at which nothing is flagged
 * have no recall to plot and are left out), with the default thresholds, the best single threshold
 * and the reference matcher marked.
 */
public final class PrCurveSvg {
    private static final int WIDTH = 840;
    private static final int HEIGHT = 560;
    private static final int LEFT = 70;
    private static final int TOP = 60;
    private static final int PLOT = 440;
    private static final int LEGEND_X = LEFT + PLOT + 30;

    private final StringBuilder svg = new StringBuilder();

    private PrCurveSvg() {
    }

    public static String of(NamePairs pairs) {
        return new PrCurveSvg().render(pairs);
    }

    private String render(NamePairs pairs) {
        PairGroup all = pairs.all();
        add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        add("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">", WIDTH, HEIGHT, WIDTH, HEIGHT);
        add("<title>Precision-recall curve of the matcher on %s</title>", escape(pairs.file()));
        add("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>");
        add("<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">Precision and recall by threshold: %s (%d pairs)</text>",
                LEFT, escape(pairs.file()), pairs.pairs());
        grid();
        curve(all.sweep());
        Metrics d = all.atDefault();
        ThresholdSweep.Best best = all.sweep().best();
        Reference ref = pairs.reference();
        circle("default", d.recall(), d.precision(), "#d62728");
        triangle(best.metrics().recall(), best.metrics().precision(), "#2ca02c");
        diamond(ref.recall(), ref.precision(), "#ff7f0e");
        legend(pairs, d, best, ref);
        add("</svg>");
        return svg.toString();
    }

    private void grid() {
        add("<g id=\"grid\" stroke=\"#e0e0e0\" stroke-width=\"1\">");
        for (int i = 0; i <= 10; i++) {
            double v = i / 10.0;
            add("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x(v), TOP, x(v), TOP + PLOT);
            add("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LEFT, y(v), LEFT + PLOT, y(v));
        }
        add("</g>");
        add("<g id=\"axes\" stroke=\"black\" stroke-width=\"1.5\">");
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP + PLOT, LEFT + PLOT, TOP + PLOT);
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP, LEFT, TOP + PLOT);
        add("</g>");
        add("<g id=\"labels\" fill=\"black\">");
        for (int i = 0; i <= 10; i++) {
            double v = i / 10.0;
            add("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>", x(v), TOP + PLOT + 18, v);
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%.1f</text>", LEFT - 8, y(v), v);
        }
        add("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\">Recall</text>", LEFT + PLOT / 2, TOP + PLOT + 42);
        add("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" transform=\"rotate(-90 %d %d)\">Precision</text>",
                LEFT - 45, TOP + PLOT / 2, LEFT - 45, TOP + PLOT / 2);
        add("</g>");
    }

    private void curve(ThresholdSweep sweep) {
        StringBuilder points = new StringBuilder();
        for (ThresholdSweep.Point p : sweep.curve()) {
            if (flagsSomething(p)) {
                points.append(points.isEmpty() ? "" : " ")
                        .append(String.format(Locale.ROOT, "%.1f,%.1f", x(p.metrics().recall()), y(p.metrics().precision())));
            }
        }
        add("<polyline id=\"curve\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"%s\"/>",
                points);
        // the thresholds at each tenth, to read the curve by
        add("<g id=\"threshold-marks\" fill=\"#1f77b4\" font-size=\"10\">");
        for (ThresholdSweep.Point p : sweep.curve()) {
            int hundredths = (int) Math.round(p.threshold() * 100);
            if (hundredths % 10 == 0 && flagsSomething(p)) {
                double cx = x(p.metrics().recall());
                double cy = y(p.metrics().precision());
                add("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>", cx, cy);
                add("<text x=\"%.1f\" y=\"%.1f\">%.1f</text>", cx + 4, cy + 12, p.threshold());
            }
        }
        add("</g>");
    }

    private static boolean flagsSomething(ThresholdSweep.Point p) {
        return p.metrics().truePositives() + p.metrics().falsePositives() > 0;
    }

    private void circle(String id, double recall, double precision, String colour) {
        add("<circle id=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"black\"/>", id, x(recall), y(precision), colour);
    }

    private void triangle(double recall, double precision, String colour) {
        double cx = x(recall);
        double cy = y(precision);
        add("<polygon id=\"best\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"black\"/>",
                cx, cy - 7, cx - 6.5, cy + 5, cx + 6.5, cy + 5, colour);
    }

    private void diamond(double recall, double precision, String colour) {
        double cx = x(recall);
        double cy = y(precision);
        add("<polygon id=\"reference\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" stroke=\"black\"/>",
                cx, cy - 7, cx + 7, cy, cx, cy + 7, cx - 7, cy, colour);
    }

    private void legend(NamePairs pairs, Metrics d, ThresholdSweep.Best best, Reference ref) {
        int y = TOP + 10;
        add("<g id=\"legend\">");
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f77b4\" stroke-width=\"2\"/>", LEGEND_X, y, LEGEND_X + 20, y);
        add("<text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\">Scrutiny, one threshold for all</text>", LEGEND_X + 28, y);
        add("<text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\" font-size=\"10\" fill=\"#555\">(dots: thresholds 0.1 ... 1.0)</text>",
                LEGEND_X + 28, y + 15);
        y += 45;
        add("<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"#d62728\" stroke=\"black\"/>", LEGEND_X + 10, y);
        legendText(y, "Default thresholds (per schema)", d);
        y += 55;
        double cx = LEGEND_X + 10;
        add("<polygon points=\"%.1f,%d %.1f,%d %.1f,%d\" fill=\"#2ca02c\" stroke=\"black\"/>",
                cx, y - 7, cx - 6.5, y + 5, cx + 6.5, y + 5);
        legendText(y, String.format(Locale.ROOT, "Best F1, threshold %.2f", best.threshold()), best.metrics());
        y += 55;
        add("<polygon points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\" fill=\"#ff7f0e\" stroke=\"black\"/>",
                cx, y - 7, cx + 7, y, cx, y + 7, cx - 7, y);
        add("<text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\">%s (reference)</text>", LEGEND_X + 28, y, escape(ref.matcher()));
        add("<text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\" font-size=\"11\" fill=\"#555\">P %.3f  R %.3f  F1 %.3f</text>",
                LEGEND_X + 28, y + 16, ref.precision(), ref.recall(), ref.f1());
        add("</g>");
    }

    private void legendText(int y, String label, Metrics m) {
        add("<text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\">%s</text>", LEGEND_X + 28, y, escape(label));
        add("<text x=\"%d\" y=\"%d\" dominant-baseline=\"middle\" font-size=\"11\" fill=\"#555\">P %.3f  R %.3f  F1 %.3f</text>",
                LEGEND_X + 28, y + 16, m.precision(), m.recall(), m.f1());
    }

    private static double x(double recall) {
        return LEFT + recall * PLOT;
    }

    private static double y(double precision) {
        return TOP + (1 - precision) * PLOT;
    }

    private void add(String format, Object... args) {
        svg.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
