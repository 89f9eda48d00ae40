package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.policy.OwnershipRule;
import edu.scrutiny.app.policy.Policies;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When an ownership rule's date arrives ({@code from}, {@code until}, or the start or end of a
 * suspension, such as the BIS Affiliates Rule's), what it decides changes without any list
 * changing: the daily job re-assesses every live engagement whose latest assessment was made as of
 * a date before it, and records (with its alerts) those whose tier or hits the rule's change moved.
 */
@Service
public class OwnershipRuleDates {
    private final Policies policies;
    private final Engagements engagements;
    private final Assessments assessments;
    private final Assessor assessor;
    private final Rescreening rescreening;
    private final Clock clock;

    OwnershipRuleDates(Policies policies, Engagements engagements, Assessments assessments, Assessor assessor,
                       Rescreening rescreening, Clock clock) {
        this.policies = policies;
        this.engagements = engagements;
        this.assessments = assessments;
        this.assessor = assessor;
        this.rescreening = rescreening;
        this.clock = clock;
    }

    /** Re-assesses as of today; returns how many engagements' assessments changed. */
    public int check() {
        LocalDate today = LocalDate.now(clock);
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (OwnershipRule r : policies.current().document().ownershipRules()) {
            r.changeDates().stream().filter(d -> !d.isAfter(today)).forEach(dates::add);
        }
        if (dates.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (StoredEngagement e : engagements.live()) {
            Optional<RecordedAssessment> latest = assessments.latest(e.id());
            if (latest.isEmpty()) {
                continue;
            }
            LocalDate asOf = latest.get().assessment().asOf();
            LocalDate arrived = dates.higher(asOf);
            if (arrived == null) {
                continue;
            }
            Assessment now = assessor.reassess(e.engagement(), today);
            Assessment before = latest.get().assessment();
            boolean same = now.tier() == before.tier()
                    && Rescreening.byKey(now.hits()).keySet().equals(Rescreening.byKey(before.hits()).keySet())
                    && codes(now).equals(codes(before));
            if (!same) {
                String words = "the ownership rules' change of " + arrived;
                rescreening.record(e.id(), now, new Rescreening.Cause("ownership_rules", words, "not counted after " + words, words));
                changed++;
            }
        }
        return changed;
    }

    private static List<String> codes(Assessment a) {
        return a.reasons().stream().map(Assessment.Reason::code).distinct().sorted().toList();
    }
}
