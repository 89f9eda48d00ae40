package edu.scrutiny.app.web;

import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.institutions.Resolution;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.reference.ResearchArea;
import edu.scrutiny.app.reference.ResearchAreas;
import edu.scrutiny.app.support.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The engagements: the list (filtered by tier) and one engagement's page. */
@Controller
class EngagementPages {
    private final Engagements engagements;
    private final Assessments assessments;
    private final Alerts alerts;
    private final AuditLog audit;
    private final ResearchAreas researchAreas;
    private final Institutions institutions;

    EngagementPages(Engagements engagements, Assessments assessments, Alerts alerts, AuditLog audit, ResearchAreas researchAreas,
                    Institutions institutions) {
        this.institutions = institutions;
        this.engagements = engagements;
        this.assessments = assessments;
        this.alerts = alerts;
        this.audit = audit;
        this.researchAreas = researchAreas;
    }

    /** An organisation party and the ROR record it resolves to. */
    record PartyRecord(Engagement.Party party, Resolution resolution) {
    }

    /** A line of the list: the engagement and its latest tier (null before any assessment). */
    record Line(StoredEngagement stored, Tier tier) {
    }

    @GetMapping("/engagements")
    String list(@RequestParam(required = false) String tier, Model model) {
        String wanted = tier == null || tier.isBlank() ? null : tier;
        Map<String, Tier> tiers = assessments.latestTiers();
        List<Line> lines = engagements.all().stream()
                .map(s -> new Line(s, tiers.get(s.id())))
                .filter(l -> wanted == null || (l.tier() != null && l.tier().name().equals(wanted)))
                .toList()
                .reversed();
        model.addAttribute("lines", lines);
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("tier", wanted);
        return "engagements/list";
    }

    @GetMapping("/engagements/{id}")
    String show(@PathVariable String id, Model model) {
        StoredEngagement stored = engagements.find(id).orElseThrow(() -> new NotFound("no engagement " + id));
        RecordedAssessment latest = assessments.latest(id).orElse(null);
        Map<String, ResearchArea> areas = researchAreas.all().stream()
                .collect(Collectors.toMap(ResearchArea::code, Function.identity()));
        model.addAttribute("stored", stored);
        model.addAttribute("e", stored.engagement());
        model.addAttribute("areas", areas);
        model.addAttribute("recorded", latest);
        model.addAttribute("a", latest == null ? null : latest.assessment());
        model.addAttribute("alerts", alerts.forEngagement(id));
        model.addAttribute("timeline", audit.recent("engagement", id));
        model.addAttribute("rorVersion", institutions.current().orElse(null));
        model.addAttribute("institutions", stored.engagement().parties().stream()
                .filter(p -> p.kind() == Engagement.Kind.ORGANIZATION)
                .map(p -> institutions.resolve(p.name(), p.country(), p.ror()).map(r -> new PartyRecord(p, r)))
                .flatMap(java.util.Optional::stream).toList());
        return "engagements/show";
    }
}
