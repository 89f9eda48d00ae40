package edu.scrutiny.app.audit.internal;

import edu.scrutiny.app.desk.ScreeningDisposed;
import edu.scrutiny.app.desk.ScreeningLogged;
import edu.scrutiny.app.engagement.EngagementStatusChanged;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.ExternalIdentityLinked;
import edu.scrutiny.app.identity.SignInFailed;
import edu.scrutiny.app.identity.SignInFailuresAggregated;
import edu.scrutiny.app.identity.SignedIn;
import edu.scrutiny.app.identity.TokenCreated;
import edu.scrutiny.app.identity.TokenRevoked;
import edu.scrutiny.app.identity.UserAdded;
import edu.scrutiny.app.identity.UserDisabled;
import edu.scrutiny.app.identity.UserEnabled;
import edu.scrutiny.app.identity.UserRolesChanged;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.AlertRaised;

import edu.scrutiny.app.assessment.EngagementAssessed;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.directives.DirectivesImported;
import edu.scrutiny.app.engagement.EngagementSubmitted;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.institutions.InstitutionsImported;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.ListVersionImported;
import edu.scrutiny.app.policy.PolicyUpdated;
import edu.scrutiny.app.reference.CountryListUpdated;
import edu.scrutiny.app.review.ReviewEvent;
import edu.scrutiny.app.monitoring.AlertAcknowledged;
import edu.scrutiny.app.monitoring.ListRefreshed;
import edu.scrutiny.app.monitoring.ListSourceChanged;
import edu.scrutiny.app.screening.HitClearanceRequested;
import edu.scrutiny.app.screening.HitCleared;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The other modules' events, appended to the audit trail. The listeners are synchronous, so each
 * record joins the transaction of the action it records; an event published after its action
 * committed (a list import) gets a transaction of its own.
 */
@Component
class AuditedEvents {
    private final AuditLog log;
    private final Engagements engagements;
    private final ListCatalog lists;
    private final Institutions institutions;

    AuditedEvents(AuditLog log, Engagements engagements, ListCatalog lists, Institutions institutions) {
        this.log = log;
        this.engagements = engagements;
        this.lists = lists;
        this.institutions = institutions;
    }

    /** First of the submission's listeners, so that the submission is recorded before its assessment. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(EngagementSubmitted e) {
        log.append(e.submittedBy(), "engagement.submitted", "engagement", e.engagementId(),
                null, engagements.find(e.engagementId()).orElse(null));
    }

    @EventListener
    void on(EngagementAssessed e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("assessment_id", e.assessmentId());
        after.put("tier", e.tier());
        after.put("policy_version", e.policyVersion());
        after.put("as_of", e.asOf());
        log.append(e.assessedBy(), "assessment.recorded", "engagement", e.engagementId(),
                e.previousTier() == null ? null : Map.of("tier", e.previousTier()), after);
    }

    /** A screening at the desk, the API, yente or reconciliation: the query, the versions used and what was found. */
    @EventListener
    void on(ScreeningLogged e) {
        var s = e.screening();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("channel", s.channel());
        after.put("query", s.query());
        after.put("list_versions", s.listVersions());
        after.put("outcome", s.outcome());
        after.put("results", s.results().stream().map(r -> r.list() + " #" + r.sourceId() + " " + r.score()).toList());
        log.append(s.runBy(), "screening.logged", "screening", Long.toString(s.id()), null, after);
    }

    @EventListener
    void on(ScreeningDisposed e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("disposition", e.disposition());
        after.put("cleared", e.cleared());
        after.put("outcome", e.outcome());
        after.put("open", e.open());
        log.append(e.disposition().disposedBy(), "screening.disposed", "screening", Long.toString(e.disposition().screeningId()),
                null, after);
    }

    /** Published after the import committed: the record is appended in a transaction of its own. */
    @EventListener
    void on(ListVersionImported e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", lists.version(e.versionId()).orElse(null));
        after.put("added", e.added());
        after.put("removed", e.removed());
        after.put("changed", e.changed());
        Object before = e.previousVersionId() == null ? null
                : lists.version(e.previousVersionId()).map(v -> Map.of("version", v)).orElse(null);
        log.append(e.importedBy(), "list.imported", "list", e.listKey(), before, after);
    }

    /** Published after the import committed, like a list's. */
    @EventListener
    void on(InstitutionsImported e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", institutions.versions().stream().filter(v -> v.id() == e.versionId()).findFirst().orElse(null));
        after.put("records", e.records());
        Object before = e.previousVersionId() == null ? null : Map.of("version_id", e.previousVersionId());
        log.append(e.importedBy(), "institutions.imported", "institutions", "ror", before, after);
    }

    @EventListener
    void on(DirectivesImported e) {
        for (DirectivesImported.Revision r : e.revisions()) {
            log.append(e.importedBy(), "directive.imported", "directive", r.recorded().directive().id(), r.previous(), r.recorded());
        }
    }

    @EventListener
    void on(CountryListUpdated e) {
        log.append(e.updatedBy(), "country_list.updated", "country_list", e.current().key(), e.previous(), e.current());
    }

    @EventListener
    void on(PolicyUpdated e) {
        log.append(e.updatedBy(), "policy.updated", "policy", "policy", e.previous(), e.current());
    }

    /** One analyst's clearance outside a case, waiting for a second analyst. */
    @EventListener
    void on(HitClearanceRequested e) {
        log.append(e.request().requestedBy(), "hit.clearance_requested", "hit_clearance_request", Long.toString(e.request().id()),
                null, e.request());
    }

    @EventListener
    void on(HitCleared e) {
        log.append(e.clearedBy(), "hit.cleared", "hit_clearance", Long.toString(e.clearanceId()), null, e);
    }

    @EventListener
    void on(EngagementStatusChanged e) {
        log.append(e.changedBy(), "engagement.status_changed", "engagement", e.engagementId(),
                Map.of("status", e.before()), Map.of("status", e.after()));
    }

    @EventListener
    void on(AlertAcknowledged e) {
        Alert a = e.alert();
        log.append(e.by(), "alert.acknowledged", "alert", Long.toString(a.id()), null, a);
    }

    @EventListener
    void on(ListSourceChanged e) {
        log.append(e.by(), "list_source.changed", "list", e.listKey(), e.before(), e.after());
    }

    @EventListener
    void on(ListRefreshed e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("location", e.location());
        after.put("status", e.outcome().status());
        after.put("message", e.outcome().message());
        log.append(e.by(), "list.refreshed", "list", e.outcome().list(), null, after);
    }

    /** Alerts are raised by the system (monitoring); the record sits on the engagement or list it concerns. */
    @EventListener
    void on(AlertRaised e) {
        Alert a = e.alert();
        boolean engagement = a.engagementId() != null;
        log.append("system", "alert.raised", engagement ? "engagement" : "list",
                engagement ? a.engagementId() : (a.list() == null ? "-" : a.list()), null, a);
    }

    /** Every action on a review case (opened, moved, information, adjudication, condition, recommendation, decision, note). */
    @EventListener
    void on(ReviewEvent e) {
        log.append(e.by(), e.action(), "case", Long.toString(e.caseId()), null, e);
    }

    // identity: users, sign-ins, tokens. Never a password, a token or a token's hash.

    @EventListener
    void on(UserAdded e) {
        log.append(e.addedBy(), "user.added", "user", e.username(), null, Map.of("roles", keys(e.roles())));
    }

    @EventListener
    void on(UserRolesChanged e) {
        log.append(e.changedBy(), "user.roles_changed", "user", e.username(),
                Map.of("roles", keys(e.before())), Map.of("roles", keys(e.after())));
    }

    @EventListener
    void on(UserDisabled e) {
        log.append(e.disabledBy(), "user.disabled", "user", e.username(), Map.of("enabled", true), Map.of("enabled", false));
    }

    @EventListener
    void on(UserEnabled e) {
        log.append(e.enabledBy(), "user.enabled", "user", e.username(), Map.of("enabled", false), Map.of("enabled", true));
    }

    @EventListener
    void on(ExternalIdentityLinked e) {
        log.append(e.linkedBy(), "user.identity_linked", "user", e.username(), null,
                Map.of("issuer", e.issuer(), "subject", e.subject()));
    }

    @EventListener
    void on(SignedIn e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("method", e.method());
        after.put("remote_address", e.remoteAddress());
        log.append(e.username(), "signin.succeeded", "user", e.username(), null, after);
    }

    /** Who failed is not known to be anyone: the record's actor is {@code anonymous}, the name tried is its object. */
    @EventListener
    void on(SignInFailed e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("method", e.method());
        after.put("reason", e.reason());
        after.put("remote_address", e.remoteAddress());
        log.append("anonymous", "signin.failed", "user", e.username() == null ? "-" : e.username(), null, after);
    }

    /** The failures from one address beyond those recorded one by one in a window: one record with their count. */
    @EventListener
    void on(SignInFailuresAggregated e) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("remote_address", e.remoteAddress());
        after.put("count", e.count());
        after.put("window_start", e.windowStart().toString());
        after.put("last_at", e.lastAt().toString());
        after.put("methods", e.methods());
        log.append("anonymous", "signin.failures_aggregated", "remote_address", e.remoteAddress(), null, after);
    }

    @EventListener
    void on(TokenCreated e) {
        log.append(e.createdBy(), "token.created", "api_token", Long.toString(e.tokenId()), null,
                Map.of("username", e.username(), "name", e.name()));
    }

    @EventListener
    void on(TokenRevoked e) {
        log.append(e.revokedBy(), "token.revoked", "api_token", Long.toString(e.tokenId()), null, Map.of("username", e.username()));
    }

    private static List<String> keys(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::key).toList();
    }
}
