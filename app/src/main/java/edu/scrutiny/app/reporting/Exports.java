package edu.scrutiny.app.reporting;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.desk.LogSearch;
import edu.scrutiny.app.desk.Outcome;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.review.Queues;
import edu.scrutiny.app.review.Stage;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The exports: what each one holds, its filters, and who may take it (analysts, reviewers, the
 * administrator and auditors; never submitters, whose view of their own engagements is /mine).
 * A filter that matches nothing gives the header alone, not an error.
 */
@Service
public class Exports {
    /** What can be exported, by the name the API and the command line use. */
    public enum What {
        ENGAGEMENTS, HITS, CASES, SCREENINGS, AUDIT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static What fromKey(String key, String source) {
            for (What w : values()) {
                if (w.key().equals(key)) {
                    return w;
                }
            }
            throw new InvalidInput(source, "what", "'" + key + "' is not one of "
                    + Arrays.stream(values()).map(What::key).collect(Collectors.joining(", ")));
        }
    }

    private final Engagements engagements;
    private final Assessments assessments;
    private final Queues queues;
    private final AuditLog audit;
    private final ScreeningLog screenings;

    Exports(Engagements engagements, Assessments assessments, Queues queues, AuditLog audit, ScreeningLog screenings) {
        this.engagements = engagements;
        this.assessments = assessments;
        this.queues = queues;
        this.audit = audit;
        this.screenings = screenings;
    }

    /** The export's table for the actor, filtered. */
    public Table table(What what, ExportFilters filters, Actor actor) {
        if (!actor.isSystem() && !actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw new NotPermitted("exports are for analysts, reviewers, administrators and auditors");
        }
        return switch (what) {
            case ENGAGEMENTS -> engagements(filters, actor);
            case HITS -> hits(filters);
            case CASES -> cases(filters, actor);
            case SCREENINGS -> screenings(filters, actor);
            case AUDIT -> audit(filters);
        };
    }

    private Table engagements(ExportFilters f, Actor actor) {
        f.allow(Set.of("tier", "status", "type", "country", "from", "to"));
        Tier tier = f.choice("tier", Tier.class);
        EngagementStatus status = f.choice("status", EngagementStatus.class);
        Engagement.Type type = f.choice("type", Engagement.Type.class);
        String country = f.text("country") == null ? null : f.text("country").toUpperCase(Locale.ROOT);
        LocalDate from = f.date("from");
        LocalDate to = f.date("to");
        Map<String, Tier> tiers = assessments.latestTiers();
        List<List<Object>> rows = new ArrayList<>();
        for (StoredEngagement s : engagements.visibleTo(actor)) {
            Engagement e = s.engagement();
            Tier t = tiers.get(s.id());
            List<String> countries = e.parties().stream().map(Engagement.Party::country).filter(Objects::nonNull).distinct().toList();
            if (tier != null && tier != t || status != null && status != s.status() || type != null && type != e.type()
                    || country != null && !countries.contains(country)
                    || from != null && e.submittedOn().isBefore(from) || to != null && e.submittedOn().isAfter(to)) {
                continue;
            }
            rows.add(Arrays.asList(s.id(), e.submittedOn(), s.status().key(), t == null ? null : t.name(), e.type().key(),
                    e.title(), e.department(), e.principalInvestigator(),
                    e.parties().stream().map(Engagement.Party::name).collect(Collectors.joining("; ")),
                    String.join("; ", countries),
                    e.funding().amount(), e.funding().currency(), e.funding().source() == null ? null : e.funding().source().key(),
                    e.startsOn(), e.endsOn(), e.renewal(), s.createdAt()));
        }
        return new Table("engagements", List.of(Column.text("id"), Column.date("submitted_on"), Column.text("status"),
                Column.text("tier"), Column.text("type"), Column.text("title"), Column.text("department"),
                Column.text("principal_investigator"), Column.text("parties"), Column.text("party_countries"),
                Column.number("funding_amount"), Column.text("funding_currency"), Column.text("funding_source"),
                Column.date("starts_on"), Column.date("ends_on"), Column.bool("renewal"), Column.dateTime("created_at")), rows);
    }

    private Table hits(ExportFilters f) {
        f.allow(Set.of("list", "tier", "engagement"));
        String list = f.text("list");
        Tier tier = f.choice("tier", Tier.class);
        String engagement = f.text("engagement");
        List<List<Object>> rows = new ArrayList<>();
        assessments.forEachLatest(r -> {
            if (engagement != null && !engagement.equals(r.engagementId()) || tier != null && tier != r.assessment().tier()) {
                return;
            }
            addHits(rows, r, r.assessment().hits(), false, list);
            addHits(rows, r, r.assessment().clearedHits(), true, list);
        });
        return new Table("hits", List.of(Column.text("engagement_id"), Column.text("tier"), Column.dateTime("assessed_at"),
                Column.date("as_of"), Column.text("party"), Column.text("screened_name"), Column.text("list"),
                Column.text("category"), Column.text("source_id"), Column.text("entity_name"), Column.text("matched_name"),
                Column.number("score"), Column.date("listed_on"), Column.date("delisted_on"), Column.text("programs"),
                Column.text("via"), Column.number("ownership_share"), Column.bool("cleared"), Column.number("list_version_id"),
                Column.text("explanation")), rows);
    }

    private static void addHits(List<List<Object>> rows, RecordedAssessment r, List<AssessedHit> hits, boolean cleared, String list) {
        if (hits == null) {
            return;
        }
        for (AssessedHit h : hits) {
            if (list != null && !list.equals(h.list())) {
                continue;
            }
            rows.add(Arrays.asList(r.engagementId(), r.assessment().tier().name(), r.assessedAt(), r.assessment().asOf(),
                    h.party(), h.screenedName(), h.list(), h.category(), h.sourceId(), h.entityName(), h.matchedName(),
                    h.score(), h.listedOn(), h.delistedOn(), h.programs() == null ? null : String.join("; ", h.programs()),
                    h.via(), h.ownershipShare(), cleared, h.versionId(), h.explanation()));
        }
    }

    private Table cases(ExportFilters f, Actor actor) {
        f.allow(Set.of("stage", "overdue"));
        Stage stage = f.text("stage") == null ? null : Stage.fromKey(f.text("stage"));
        Boolean overdue = f.bool("overdue");
        List<Queues.Entry> entries = stage == null ? queues.all(actor) : queues.forStage(stage, actor);
        List<List<Object>> rows = entries.stream()
                .filter(e -> overdue == null || e.overdue() == overdue)
                .map(e -> Arrays.<Object>asList(e.caseId(), e.engagementId(), e.title(), e.tier(), e.stage().key(),
                        e.status().name().toLowerCase(Locale.ROOT), e.openedAt(), e.dueAt(), e.ageDays(), e.overdue(), e.analyst()))
                .toList();
        return new Table("cases", List.of(Column.number("case_id"), Column.text("engagement_id"), Column.text("title"),
                Column.text("tier"), Column.text("stage"), Column.text("status"), Column.dateTime("opened_at"),
                Column.dateTime("due_at"), Column.number("age_days"), Column.bool("overdue"), Column.text("analyst")), rows);
    }

    /** At most this many screenings in one export; more is a filter's job (the log is searched by date). */
    static final int MAX_SCREENINGS = 1_000_000;

    private Table screenings(ExportFilters f, Actor actor) {
        f.allow(Set.of("q", "user", "from", "to", "outcome", "open"));
        LogSearch search = new LogSearch(f.text("q"), f.text("user"), f.date("from"), f.date("to"),
                f.choice("outcome", Outcome.class), f.bool("open"), MAX_SCREENINGS);
        List<List<Object>> rows = screenings.search(search, actor).stream().map(s -> Arrays.<Object>asList(
                s.id(), s.runAt(), s.runBy(), s.channel().key(), s.query().name(),
                s.query().schema() == null ? null : s.query().schema().name(), String.join("; ", s.query().countries()),
                s.query().birthDate(), s.query().asOf(), s.query().purpose(), s.query().watch(), s.resultCount(),
                s.outcome() == null ? null : s.outcome().name(), s.open(),
                s.listVersions() == null ? null : s.listVersions().stream().map(v -> v.list() + " v" + v.versionId())
                        .collect(Collectors.joining("; ")))).toList();
        return new Table("screenings", List.of(Column.number("id"), Column.dateTime("run_at"), Column.text("run_by"),
                Column.text("channel"), Column.text("name"), Column.text("schema"), Column.text("countries"),
                Column.text("birth_date"), Column.date("as_of"), Column.text("purpose"), Column.bool("watch"),
                Column.number("result_count"), Column.text("outcome"), Column.bool("open"), Column.text("list_versions")), rows);
    }

    private Table audit(ExportFilters f) {
        f.allow(Set.of());
        List<List<Object>> rows = new ArrayList<>();
        audit.export((AuditRecord r) -> rows.add(Arrays.asList(r.seq(), r.recordedAt(), r.actor(), r.action(), r.objectType(),
                r.objectId(), r.before(), r.after(), r.prevHash(), r.hash())));
        return new Table("audit", List.of(Column.number("seq"), Column.dateTime("recorded_at"), Column.text("actor"),
                Column.text("action"), Column.text("object_type"), Column.text("object_id"), Column.text("before"),
                Column.text("after"), Column.text("prev_hash"), Column.text("hash")), rows);
    }
}
