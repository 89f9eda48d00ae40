package edu.scrutiny.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table of measured figures, each beside its target and whether it met it, printed in aligned columns. */
final class ReportTable {
    private record Row(String measure, String figure, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure with no target. */
    ReportTable add(String measure, String figure) {
        rows.add(new Row(measure, figure, "", ""));
        return this;
    }

    /** A figure, its target, and whether it met it. */
    ReportTable add(String measure, String figure, String target, boolean met) {
        rows.add(new Row(measure, figure, target, met ? "met" : "MISSED"));
        return this;
    }

    /** A line of its own, to head a group of rows. */
    ReportTable section(String title) {
        rows.add(new Row(title, null, null, null));
        return this;
    }

    void print(PrintStream out) {
        int m = "measure".length();
        int f = "figure".length();
        int t = "target".length();
        for (Row r : rows) {
            if (r.figure() != null) {
                m = Math.max(m, r.measure().length());
                f = Math.max(f, r.figure().length());
                t = Math.max(t, r.target().length());
            }
        }
        String format = "%-" + m + "s  %-" + f + "s  %-" + t + "s  %s%n";
        out.printf(format, "measure", "figure", "target", "");
        out.println("-".repeat(m + f + t + 12));
        for (Row r : rows) {
            if (r.figure() == null) {
                out.println(r.measure());
            } else {
                out.printf(format, r.measure(), r.figure(), r.target(), r.verdict());
            }
        }
    }
}
