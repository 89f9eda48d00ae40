package edu.scrutiny.app.cli;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.engagement.Engagement;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** An assessment printed for a person to read: the same content as the JSON. */
final class AssessmentText {
    private AssessmentText() {
    }

    static void print(Engagement e, Assessment a, PrintWriter out) {
        out.printf("%s%n", e.title());
        out.printf("Tier: %s (policy version %d, as of %s)%n", a.tier(), a.policyVersion(), a.asOf());
        StringBuilder dims = new StringBuilder();
        for (Map.Entry<String, Double> d : a.dimensions().entrySet()) {
            dims.append(dims.isEmpty() ? "" : ", ").append(d.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f", d.getValue()));
        }
        out.println("Dimensions: " + dims);
        out.println("Reasons:" + (a.reasons().isEmpty() ? " none (no rule of the policy applies)" : ""));
        for (Assessment.Reason r : a.reasons()) {
            out.printf("  %-26s %-10s [%s] %s%n", r.code(), r.tier(), r.dimension(), r.detail());
            out.printf("  %-26s evidence: %s%n", "", r.evidence());
        }
        out.println("Hits:" + (a.hits().isEmpty() ? " none" : ""));
        for (AssessedHit h : a.hits()) {
            printHit(h, out);
        }
        if (!a.clearedHits().isEmpty()) {
            out.println("Cleared as false positives (not counted):");
            for (AssessedHit h : a.clearedHits()) {
                printHit(h, out);
            }
        }
        out.println("Directives:" + (a.directives().isEmpty() ? " none apply" : ""));
        for (Assessment.AppliedDirective d : a.directives()) {
            out.printf("  %s: %s (to %s%s)%n", d.id(), d.title(), d.party(), d.via() == null ? "" : ", via " + d.via());
        }
        out.println("Lists screened:" + (a.listVersions().isEmpty() ? " none imported" : ""));
        for (Assessment.ListVersionUsed v : a.listVersions()) {
            out.printf("  %s version %d (effective %s)%n", v.list(), v.versionId(), v.effectiveFrom());
        }
    }

    private static void printHit(AssessedHit h, PrintWriter out) {
        out.printf(Locale.ROOT, "  %s -> %s #%s \"%s\" (matched \"%s\", score %.2f, %s%s%s)%n", h.party(), h.list(), h.sourceId(),
                h.entityName(), h.matchedName(), h.score(), h.category(),
                h.listedOn() == null ? "" : ", listed " + h.listedOn(),
                h.delistedOn() == null ? "" : ", delisted " + h.delistedOn());
        if (h.via() != null) {
            out.printf(Locale.ROOT, "      through ownership: %s (%.0f%%)%n", h.via(), h.ownershipShare());
        }
        out.println("      " + h.explanation());
    }
}
