package edu.scrutiny.app.web;

import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.Queues;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.policy.Tier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The dashboard: what is open and where, as charts each with its data table. */
@Controller
class DashboardController {
    private final Cases cases;
    private final Queues queues;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final Engagements engagements;
    private final Assessments assessments;
    private final Alerts alerts;

    DashboardController(Engagements engagements, Assessments assessments, Alerts alerts, Cases cases, Queues queues) {
        this.cases = cases;
        this.queues = queues;
        this.engagements = engagements;
        this.assessments = assessments;
        this.alerts = alerts;
    }

    /** One chart's figures: a label and a count per row, in the order shown. */
    record Chart(String id, String title, String kind, String labelHeading, List<Row> rows) {
        public int total() {
            return rows.stream().mapToInt(Row::count).sum();
        }
    }

    record Row(String label, int count) {
    }

    @GetMapping("/")
    String dashboard(Model model, Actor actor) {
        List<StoredEngagement> all = engagements.all();
        Map<String, Integer> byTier = new LinkedHashMap<>();
        // rows are labelled in words (Labels), as every page shows a tier, status, type, kind or outcome
        Labels words = Labels.words();
        for (Tier t : Tier.values()) {
            byTier.put(words.of(t), 0);
        }
        byTier.put(NOT_ASSESSED, 0);
        Map<String, Integer> byCountry = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> hitsByList = new TreeMap<>();
        Map<String, Integer> byMonth = new TreeMap<>();
        for (StoredEngagement s : all) {
            Engagement e = s.engagement();
            Optional<RecordedAssessment> latest = assessments.latest(s.id());
            if (s.status().isLive()) {
                byTier.merge(latest.map(r -> words.of(r.assessment().tier())).orElse(NOT_ASSESSED), 1, Integer::sum);
            }
            Set<String> countries = new LinkedHashSet<>();
            e.parties().forEach(p -> countries.add(p.country()));
            countries.forEach(c -> byCountry.merge(c, 1, Integer::sum));
            byType.merge(words.of(e.type()), 1, Integer::sum);
            byStatus.merge(words.of(s.status()), 1, Integer::sum);
            latest.ifPresent(r -> {
                for (AssessedHit h : r.assessment().hits()) {
                    hitsByList.merge(h.list(), 1, Integer::sum);
                }
            });
            byMonth.merge(MONTH.format(e.submittedOn()), 1, Integer::sum);
        }
        if (byTier.get(NOT_ASSESSED) == 0) {
            byTier.remove(NOT_ASSESSED);
        }
        Map<String, Integer> alertsByKind = new TreeMap<>();
        for (Alert a : alerts.open()) {
            alertsByKind.merge(words.of(a.kind()), 1, Integer::sum);
        }
        Map<String, Integer> decisionsByMonth = new TreeMap<>();
        Map<String, Integer> decisionsByOutcome = new TreeMap<>();
        for (Cases.DecisionMade d : cases.decisionsMade()) {
            decisionsByMonth.merge(MONTH.format(d.decidedAt().atZone(java.time.ZoneOffset.UTC)), 1, Integer::sum);
            decisionsByOutcome.merge(words.of(d.outcome()), 1, Integer::sum);
        }
        // open cases by tier and by age, the age in the buckets a service level is measured in
        Map<String, Integer> casesByTierAndAge = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            for (String bucket : AGE_BUCKETS) {
                casesByTierAndAge.put(words.of(t) + ", " + bucket, 0);
            }
        }
        int overdue = 0;
        for (Queues.Entry q : queues.all(actor)) {
            casesByTierAndAge.merge(words.of(q.tier()) + ", " + ageBucket(q.ageDays()), 1, Integer::sum);
            overdue += q.overdue() ? 1 : 0;
        }
        casesByTierAndAge.values().removeIf(v -> v == 0);
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart("cases", "Open cases by tier and age (" + overdue + " overdue)", "bar", "Tier, age",
                rows(casesByTierAndAge, false)));
        charts.add(new Chart("tier", "Open engagements by tier", "bar", "Tier", rows(byTier, false)));
        charts.add(new Chart("status", "Engagements by status", "bar", "Status", rows(byStatus, true)));
        charts.add(new Chart("type", "Engagements by type", "bar", "Type", rows(byType, true)));
        charts.add(new Chart("country", "Engagements by party country", "bar", "Country", rows(byCountry, true)));
        charts.add(new Chart("hits", "Hits by list (latest assessments)", "bar", "List", rows(hitsByList, true)));
        charts.add(new Chart("alerts", "Open alerts by kind", "bar", "Kind", rows(alertsByKind, true)));
        charts.add(new Chart("submitted", "Engagements submitted by month", "line", "Month", rows(byMonth, false)));
        charts.add(new Chart("decisions", "Decisions by month", "line", "Month", rows(decisionsByMonth, false)));
        charts.add(new Chart("outcomes", "Decisions by outcome", "bar", "Outcome", rows(decisionsByOutcome, true)));
        model.addAttribute("charts", charts);
        model.addAttribute("engagementCount", all.size());
        return "dashboard";
    }

    private static final String NOT_ASSESSED = "Not assessed";

    private static final List<String> AGE_BUCKETS = List.of("under 7 days", "7 to 30 days", "30 to 90 days", "over 90 days");

    private static String ageBucket(long days) {
        return days < 7 ? AGE_BUCKETS.get(0) : days < 30 ? AGE_BUCKETS.get(1) : days < 90 ? AGE_BUCKETS.get(2) : AGE_BUCKETS.get(3);
    }

    /** The rows of a count map, by count (highest first) when {@code byCount}, else in the map's order. */
    private static List<Row> rows(Map<String, Integer> counts, boolean byCount) {
        List<Row> rows = counts.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
        return byCount ? rows.stream().sorted(Comparator.comparingInt(Row::count).reversed()).toList() : rows;
    }
}
