package edu.scrutiny.app.review;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.EngagementAssessed;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.EngagementStatusChanged;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.AlertRaised;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Opens and routes cases, listening in the transaction of what prompts them: an engagement's first
 * assessment (by tier, with the routing of the policy version the assessment applied), a
 * re-assessment with a higher tier, and an engagement reopened for review (monitoring, after a new
 * hit). A reopened engagement whose case is still open returns that case to compliance review; one
 * whose case is closed gets a new case.
 */
@Component
class CaseRouting {
    static final String SYSTEM = "system";

    private final CaseStore store;
    private final Engagements engagements;
    private final Assessments assessments;
    private final Policies policies;
    private final CountryLists countryLists;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseRouting(CaseStore store, Engagements engagements, Assessments assessments, Policies policies, CountryLists countryLists,
                ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.engagements = engagements;
        this.assessments = assessments;
        this.policies = policies;
        this.countryLists = countryLists;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(EngagementAssessed e) {
        Optional<ReviewCase> latest = store.latest(e.engagementId());
        if (e.previousTier() == null) {
            if (latest.isEmpty()) {
                open(e.engagementId(), e.assessmentId(), e.tier(), e.policyVersion(), e.assessedBy(), null, null);
            }
            return;
        }
        if (latest.isPresent() && latest.get().status().isOpen()) {
            ReviewCase c = latest.get();
            boolean higher = e.tier().ordinal() > c.tier().ordinal();
            boolean outOfProhibited = c.tier() == Tier.PROHIBITED && e.tier() != Tier.PROHIBITED;
            if (higher || outOfProhibited) {
                List<Stage> route = route(e.engagementId(), e.tier(), e.policyVersion(), true);
                store.reroute(c.id(), e.tier(), route, e.assessmentId());
                moveTo(c, route.getFirst(), "re-assessed: tier " + c.tier() + " -> " + e.tier(), e.policyVersion());
            }
            return;
        }
        boolean live = engagements.find(e.engagementId()).map(x -> x.status().isLive()).orElse(false);
        if (live && e.tier().ordinal() > e.previousTier().ordinal() && e.tier() != Tier.STANDARD) {
            open(e.engagementId(), e.assessmentId(), e.tier(), e.policyVersion(), latest);
        }
    }

    /** Reopened for review (by monitoring after a new hit, or by anyone): back to compliance review, or a new case. */
    @EventListener
    void on(EngagementStatusChanged e) {
        if (e.after() != EngagementStatus.IN_REVIEW) {
            return;
        }
        Optional<ReviewCase> latest = store.latest(e.engagementId());
        if (latest.isPresent() && latest.get().status().isOpen()) {
            ReviewCase c = latest.get();
            if (c.stage() != null && c.stage().role() != Stage.COMPLIANCE_REVIEW.role()) {
                returnToComplianceReview(c, "reopened for review by " + e.changedBy());
            }
            return;
        }
        RecordedAssessment a = assessments.latest(e.engagementId()).orElse(null);
        if (a == null) {
            return;
        }
        open(e.engagementId(), a.id(), a.assessment().tier(), a.assessment().policyVersion(), latest);
    }

    /**
     * A new hit on an engagement already in review (monitoring leaves its status as it is): its open
     * case returns to compliance review if it had gone past it.
     */
    @EventListener
    void on(AlertRaised e) {
        if (e.alert().kind() != AlertKind.NEW_HIT || e.alert().engagementId() == null) {
            return;
        }
        store.latest(e.alert().engagementId()).filter(c -> c.status().isOpen() && c.stage() != null
                && c.stage().role() != Stage.COMPLIANCE_REVIEW.role()).ifPresent(c -> {
            returnToComplianceReview(c, "new hit: " + e.alert().detail());
        });
    }

    private void returnToComplianceReview(ReviewCase c, String why) {
        Instant now = clock.instant();
        store.moveTo(c.id(), Stage.COMPLIANCE_REVIEW, now, dueFor(c, Stage.COMPLIANCE_REVIEW, now));
        events.publishEvent(new ReviewEvent.CaseMoved(c.id(), c.engagementId(), c.stage(), Stage.COMPLIANCE_REVIEW, why, SYSTEM));
    }

    /**
     * Opens a case reopening the engagement's latest (if any): the same submitter, and the same
     * analyst, who knows the engagement already and whom its alerts reach.
     */
    private void open(String engagementId, long assessmentId, Tier tier, int policyVersion, Optional<ReviewCase> earlier) {
        open(engagementId, assessmentId, tier, policyVersion, earlier.map(ReviewCase::submittedBy).orElse(null),
                earlier.map(ReviewCase::id).orElse(null), earlier.map(ReviewCase::analyst).orElse(null));
    }

    /** Opens a case; a STANDARD one on a first assessment clears at once, with its record kept. */
    private void open(String engagementId, long assessmentId, Tier tier, int policyVersion, String submittedBy, Long reopenedFrom,
                      String analyst) {
        Instant now = clock.instant();
        boolean reopening = reopenedFrom != null || engagements.find(engagementId).map(x -> x.status() == EngagementStatus.IN_REVIEW).orElse(false);
        List<Stage> route = route(engagementId, tier, policyVersion, reopening);
        if (route.isEmpty()) {
            long id = store.insertCase(engagementId, assessmentId, tier, route, null, CaseStatus.AUTO_CLEARED, submittedBy, now, null, reopenedFrom,
                    analyst);
            engagements.changeStatus(engagementId, EngagementStatus.AUTO_CLEARED, SYSTEM);
            events.publishEvent(new ReviewEvent.CaseAutoCleared(id, engagementId, assessmentId, SYSTEM));
            return;
        }
        Stage first = route.getFirst();
        long id = store.insertCase(engagementId, assessmentId, tier, route, first, CaseStatus.OPEN, submittedBy, now,
                due(now, first, policyVersion), reopenedFrom, analyst);
        events.publishEvent(new ReviewEvent.CaseOpened(id, engagementId, tier, first, route, reopenedFrom, analyst, SYSTEM));
        engagements.changeStatus(engagementId, EngagementStatus.IN_REVIEW, SYSTEM);
    }

    void moveTo(ReviewCase c, Stage to, String why, int policyVersion) {
        Instant now = clock.instant();
        store.moveTo(c.id(), to, now, due(now, to, policyVersion));
        events.publishEvent(new ReviewEvent.CaseMoved(c.id(), c.engagementId(), c.stage(), to, why, SYSTEM));
    }

    /** When a case entering a stage now is due, by the service levels of the policy its latest assessment applied. */
    Instant dueFor(ReviewCase c, Stage stage, Instant now) {
        int version = assessments.latest(c.engagementId()).map(r -> r.assessment().policyVersion()).orElse(policies.current().version());
        return due(now, stage, version);
    }

    Instant due(Instant from, Stage stage, int policyVersion) {
        return from.plus(Duration.ofDays(routing(policyVersion).serviceLevelDays(stage.key())));
    }

    private PolicyDocument.Routing routing(int policyVersion) {
        try {
            return policies.version(policyVersion).document().effectiveRouting();
        } catch (RuntimeException e) {
            return policies.current().document().effectiveRouting();
        }
    }

    /**
     * The stages for a tier under a policy version; ELEVATED adds the senior risk group when the
     * policy's {@code senior_risk_when} holds. A case reopened for review always has a stage
     * (compliance review when its tier would route it nowhere).
     */
    List<Stage> route(String engagementId, Tier tier, int policyVersion, boolean reopening) {
        PolicyDocument.Routing routing = routing(policyVersion);
        List<Stage> route = new ArrayList<>(routing.stagesFor(tier).stream().map(Stage::fromKey).toList());
        if (tier == Tier.ELEVATED && !route.contains(Stage.SENIOR_RISK_GROUP) && seniorRisk(engagementId, routing.seniorRiskWhen())) {
            route.add(Stage.SENIOR_RISK_GROUP);
        }
        if (route.isEmpty() && reopening) {
            route.add(Stage.COMPLIANCE_REVIEW);
        }
        return List.copyOf(route);
    }

    /** Whether any of the policy's senior-risk conditions holds for the engagement and its latest assessment. */
    boolean seniorRisk(String engagementId, PolicyDocument.SeniorRiskWhen when) {
        if (when == null) {
            return false;
        }
        Engagement e = engagements.find(engagementId).orElseThrow().engagement();
        if (when.minAmount() != null && e.funding().amount() != null && e.funding().amount().compareTo(when.minAmount()) >= 0) {
            return true;
        }
        Optional<Assessment> a = assessments.latest(engagementId).map(RecordedAssessment::assessment);
        if (!when.categories().isEmpty() && a.isPresent()
                && Stream.concat(a.get().hits().stream(), a.get().clearedHits().stream()).map(AssessedHit::category)
                .anyMatch(when.categories()::contains)) {
            return true;
        }
        if (Boolean.TRUE.equals(when.countriesOfConcern())) {
            CountryList concern = countryLists.current(CountryList.COUNTRIES_OF_CONCERN);
            Set<String> countries = new HashSet<>(e.workCountries());
            for (Engagement.Party p : e.parties()) {
                countries.add(p.country());
                p.owners().forEach(o -> countries.add(o.country()));
            }
            return countries.stream().anyMatch(c -> c != null && concern.find(c).isPresent());
        }
        return false;
    }
}
