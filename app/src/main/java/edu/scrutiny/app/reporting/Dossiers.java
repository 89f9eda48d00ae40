package edu.scrutiny.app.reporting;

import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.OwnershipTree;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.review.CaseTimeline;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.reference.ResearchArea;
import edu.scrutiny.app.reference.ResearchAreas;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.support.NotFound;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An engagement's dossier as a PDF, the file an auditor asks for: the engagement and its parties,
 * their owners and controllers, the latest assessment with its evidence (reasons, hits and why they
 * scored, the list versions and their SHA-256), the directives applied, every case with its
 * adjudications, questions and answers, conditions and attestations, recommendations and decisions,
 * the timeline from the audit trail, and the trail's head hash at the time of printing. Analysts'
 * internal notes stay out. For analysts, reviewers, the administrator and auditors; never submitters.
 */
@Service
public class Dossiers {
    private final Engagements engagements;
    private final Assessments assessments;
    private final Cases cases;
    private final AuditLog audit;
    private final ResearchAreas researchAreas;
    private final PdfRenderer renderer;
    private final Clock clock;

    Dossiers(Engagements engagements, Assessments assessments, Cases cases, AuditLog audit, ResearchAreas researchAreas,
             PdfRenderer renderer, Clock clock) {
        this.engagements = engagements;
        this.researchAreas = researchAreas;
        this.assessments = assessments;
        this.cases = cases;
        this.audit = audit;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A printed report: its file name, the PDF, and the scripts no host font could render (empty when all were). */
    public record Report(String fileName, byte[] pdf, List<String> missingScripts) {
    }

    /** One line of an ownership tree, flattened for print: its depth under the party and what it says. */
    public record TreeLine(int depth, String text, String marks, boolean flagged) {
    }

    /** One record of the timeline (the engagement's and its cases' records in the audit trail). */
    public record TimelineLine(long seq, Instant at, String actor, String action, String object) {
    }

    /** Reads through the facades, each in its own transaction: no connection is held while the PDF is laid out. */
    public Report dossier(String engagementId, Actor actor) {
        PrintAccess.requireStaff(actor, "dossiers");
        StoredEngagement stored = engagements.findVisible(engagementId, actor)
                .orElseThrow(() -> new NotFound("no engagement " + engagementId));
        RecordedAssessment latest = assessments.latest(engagementId).orElse(null);
        Assessment a = latest == null ? null : latest.assessment();
        List<Cases.CaseView> views = new ArrayList<>();
        Map<Long, TimelineLine> timeline = new TreeMap<>();
        for (AuditRecord r : audit.recent("engagement", engagementId, 10_000)) {
            timeline.put(r.seq(), new TimelineLine(r.seq(), r.recordedAt(), r.actor(), r.action(), r.objectType() + " " + r.objectId()));
        }
        for (ReviewCase c : cases.forEngagement(engagementId, actor)) {
            Cases.CaseView view = cases.view(c.id(), actor);
            views.add(view);
            if (view.timeline() != null) {
                for (CaseTimeline.Entry t : view.timeline()) {
                    timeline.putIfAbsent(t.seq(), new TimelineLine(t.seq(), t.recordedAt(), t.actor(), t.action(),
                            t.objectType() + " " + t.objectId()));
                }
            }
        }
        Instant now = clock.instant();
        Map<String, Object> model = new HashMap<>();
        model.put("stored", stored);
        model.put("e", stored.engagement());
        model.put("researchAreas", areaNames(stored.engagement().researchAreas()));
        model.put("recorded", latest);
        model.put("a", a);
        model.put("owners", ownerLines(stored.engagement(), a));
        model.put("cases", views);
        model.put("timeline", List.copyOf(timeline.values()));
        model.put("head", audit.head());
        model.put("printedAt", now);
        model.put("printedBy", actor.username());
        model.put("fmt", PrintFormats.INSTANCE);
        PdfRenderer.Rendered r = renderer.render("dossier", model, "dossier " + engagementId);
        return new Report(engagementId + "-dossier.pdf", r.pdf(), r.missingScripts());
    }

    /** The research areas by their names, as the engagement's page shows them (a code no longer defined stays a code). */
    private List<String> areaNames(List<String> codes) {
        Map<String, String> names = new HashMap<>();
        for (ResearchArea a : researchAreas.all()) {
            names.put(a.code(), a.name() + (a.sensitive() ? " (sensitive)" : ""));
        }
        return codes.stream().map(c -> names.getOrDefault(c, c)).toList();
    }

    /**
     * The owners and controllers, party by party: the assessment's trees where it made them (with what
     * is listed or blocked through ownership and the totals that decided), else as the submitter named them.
     */
    static Map<String, List<TreeLine>> ownerLines(Engagement e, Assessment a) {
        Map<String, List<TreeLine>> out = new java.util.LinkedHashMap<>();
        if (a != null && !a.ownership().isEmpty()) {
            for (OwnershipTree t : a.ownership()) {
                if (t.root().owners().isEmpty() && t.root().controllers().isEmpty()) {
                    continue;
                }
                List<TreeLine> lines = new ArrayList<>();
                node(t.root(), 0, lines);
                for (OwnershipTree.Decision d : t.decisions()) {
                    lines.add(new TreeLine(0, d.list() + ": listed and blocked owners hold " + PrintFormats.INSTANCE.percent(d.total())
                            + "; the rule is " + d.rule(), switch (d.outcome()) {
                        case "blocked" -> "treated as listed";
                        case "suspended" -> "would be treated as listed, but the rule is suspended";
                        default -> "not blocked";
                    }, "blocked".equals(d.outcome())));
                }
                out.put(t.party(), lines);
            }
            return out;
        }
        for (Engagement.Party p : e.parties()) {
            if (p.owners().isEmpty() && p.controllers().isEmpty()) {
                continue;
            }
            List<TreeLine> lines = new ArrayList<>();
            lines.add(new TreeLine(0, p.name(), "", false));
            controllers(p.controllers(), 1, lines);
            owners(p.owners(), 1, lines);
            out.put(p.name(), lines);
        }
        return out;
    }

    private static void node(OwnershipTree.Node n, int depth, List<TreeLine> lines) {
        Labels words = Labels.words();
        StringBuilder text = new StringBuilder(n.name()).append(" (").append(words.of(n.kind()).toLowerCase(java.util.Locale.ROOT));
        if (n.country() != null) {
            text.append(", ").append(n.country());
        }
        if (n.share() != null) {
            text.append(", ").append(PrintFormats.INSTANCE.percent(n.share()));
        }
        if (n.fromLists()) {
            text.append(", known from the lists");
        }
        text.append(')');
        List<String> marks = new ArrayList<>();
        if (!n.listed().isEmpty()) {
            marks.add("listed on " + String.join(", ", n.listed()));
        }
        if (!n.blocked().isEmpty()) {
            marks.add("blocked through ownership on " + String.join(", ", n.blocked()));
        }
        lines.add(new TreeLine(depth, text.toString(), String.join("; ", marks), !marks.isEmpty()));
        for (OwnershipTree.ControllerNode c : n.controllers()) {
            lines.add(new TreeLine(depth + 1, "controlled by " + c.name() + " (" + words.of(c.role()) + ", "
                    + words.of(c.kind()).toLowerCase(java.util.Locale.ROOT)
                    + (c.country() == null ? "" : ", " + c.country()) + ")",
                    c.listed().isEmpty() ? "" : "listed on " + String.join(", ", c.listed()), !c.listed().isEmpty()));
        }
        for (OwnershipTree.Node o : n.owners()) {
            node(o, depth + 1, lines);
        }
    }

    private static void owners(List<Engagement.Owner> owners, int depth, List<TreeLine> lines) {
        for (Engagement.Owner o : owners) {
            lines.add(new TreeLine(depth, o.name() + " (" + Labels.words().of(o.kind()).toLowerCase(java.util.Locale.ROOT)
                    + (o.country() == null ? "" : ", " + o.country())
                    + (o.share() == null ? "" : ", " + PrintFormats.INSTANCE.percent(o.share())) + ")", "", false));
            controllers(o.controllers(), depth + 1, lines);
            owners(o.owners(), depth + 1, lines);
        }
    }

    private static void controllers(List<Engagement.Controller> controllers, int depth, List<TreeLine> lines) {
        for (Engagement.Controller c : controllers) {
            lines.add(new TreeLine(depth, "controlled by " + c.name() + " (" + Labels.words().of(c.role())
                    + (c.country() == null ? "" : ", " + c.country()) + ")", "", false));
        }
    }
}
