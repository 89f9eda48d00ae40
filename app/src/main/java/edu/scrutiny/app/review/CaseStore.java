package edu.scrutiny.app.review;

import edu.scrutiny.app.policy.Tier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The case tables. Only the case row itself is ever updated (its stage and status); the records on it are only inserted. */
@Component
class CaseStore {
    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertCase(String engagementId, long assessmentId, Tier tier, List<Stage> route, Stage stage, CaseStatus status,
                    String submittedBy, Instant now, Instant dueAt, Long reopenedFrom, String analyst) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO review_case (engagement_id, assessment_id, tier, route, stage, status, submitted_by, opened_at,
                                         stage_entered_at, due_at, closed_at, reopened_from, analyst)
                VALUES (:e, :a, :t, :r, :s, :st, :sb, :now, :now, :due, :closed, :from, :analyst)""")
                .param("e", engagementId).param("a", assessmentId).param("t", tier.name())
                .param("r", route.stream().map(Stage::key).collect(Collectors.joining(",")))
                .param("s", stage == null ? null : stage.key()).param("st", status.name()).param("sb", submittedBy)
                .param("now", Timestamp.from(now)).param("due", ts(dueAt))
                .param("closed", status.isOpen() ? null : Timestamp.from(now)).param("from", reopenedFrom)
                .param("analyst", analyst).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<ReviewCase> find(long id) {
        return jdbc.sql("SELECT * FROM review_case WHERE id = :id").param("id", id).query(CASE).optional();
    }

    /** Reads the case and locks its row until the transaction ends, so that two actions on one case take turns. */
    Optional<ReviewCase> lock(long id) {
        return jdbc.sql("SELECT * FROM review_case WHERE id = :id FOR UPDATE").param("id", id).query(CASE).optional();
    }

    List<ReviewCase> forEngagement(String engagementId) {
        return jdbc.sql("SELECT * FROM review_case WHERE engagement_id = :e ORDER BY id").param("e", engagementId).query(CASE).list();
    }

    Optional<ReviewCase> latest(String engagementId) {
        return jdbc.sql("SELECT * FROM review_case WHERE engagement_id = :e ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("e", engagementId).query(CASE).optional();
    }

    List<ReviewCase> openInStage(Stage stage) {
        return jdbc.sql("SELECT * FROM review_case WHERE stage = :s AND status IN ('OPEN', 'AWAITING_INFORMATION') ORDER BY due_at, id")
                .param("s", stage.key()).query(CASE).list();
    }

    List<ReviewCase> open() {
        return jdbc.sql("SELECT * FROM review_case WHERE status IN ('OPEN', 'AWAITING_INFORMATION') ORDER BY due_at, id").query(CASE).list();
    }

    void moveTo(long id, Stage stage, Instant now, Instant dueAt) {
        jdbc.sql("UPDATE review_case SET stage = :s, status = 'OPEN', stage_entered_at = :now, due_at = :due WHERE id = :id")
                .param("s", stage.key()).param("now", Timestamp.from(now)).param("due", ts(dueAt)).param("id", id).update();
    }

    void reroute(long id, Tier tier, List<Stage> route, long assessmentId) {
        jdbc.sql("UPDATE review_case SET tier = :t, route = :r, assessment_id = :a WHERE id = :id")
                .param("t", tier.name()).param("r", route.stream().map(Stage::key).collect(Collectors.joining(",")))
                .param("a", assessmentId).param("id", id).update();
    }

    /** Makes {@code analyst} the case's analyst. */
    void assign(long id, String analyst) {
        jdbc.sql("UPDATE review_case SET analyst = :a WHERE id = :id").param("a", analyst).param("id", id).update();
    }

    /** Makes {@code analyst} the case's analyst if it has none; whether it did. */
    boolean assignIfUnassigned(long id, String analyst) {
        return jdbc.sql("UPDATE review_case SET analyst = :a WHERE id = :id AND analyst IS NULL")
                .param("a", analyst).param("id", id).update() == 1;
    }

    void setStatus(long id, CaseStatus status, Instant now) {
        jdbc.sql(status == CaseStatus.DECIDED
                        ? "UPDATE review_case SET status = :st, closed_at = :closed, stage = NULL WHERE id = :id"
                        : "UPDATE review_case SET status = :st, closed_at = :closed WHERE id = :id")
                .param("st", status.name()).param("closed", status.isOpen() ? null : Timestamp.from(now)).param("id", id).update();
    }

    // information requests

    CaseRecords.InformationRequest insertRequest(long caseId, String question, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_information_request (case_id, question, asked_by, asked_at) VALUES (:c, :q, :by, :at)")
                .param("c", caseId).param("q", question).param("by", by).param("at", Timestamp.from(now)).update(keys, "id");
        return request(keys.getKeyAs(Long.class));
    }

    Optional<CaseRecords.InformationRequest> pendingRequest(long caseId) {
        return jdbc.sql("SELECT * FROM case_information_request WHERE case_id = :c AND answered_at IS NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("c", caseId).query(REQUEST).optional();
    }

    /** Records the answer on the request (the one column a request gains once). */
    CaseRecords.InformationRequest answer(long requestId, String answer, String by, Instant now) {
        jdbc.sql("UPDATE case_information_request SET answer = :a, answered_by = :by, answered_at = :at WHERE id = :id AND answered_at IS NULL")
                .param("a", answer).param("by", by).param("at", Timestamp.from(now)).param("id", requestId).update();
        return request(requestId);
    }

    CaseRecords.InformationRequest request(long id) {
        return jdbc.sql("SELECT * FROM case_information_request WHERE id = :id").param("id", id).query(REQUEST).single();
    }

    List<CaseRecords.InformationRequest> requests(long caseId) {
        return jdbc.sql("SELECT * FROM case_information_request WHERE case_id = :c ORDER BY id").param("c", caseId).query(REQUEST).list();
    }

    // adjudications

    CaseRecords.Adjudication insertAdjudication(long caseId, String party, String list, String sourceId, String category,
                                                Verdict verdict, String reason, String by, Instant now, Long confirms) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_adjudication (case_id, party, list_key, source_id, category, verdict, reason, adjudicated_by, adjudicated_at, confirms)
                VALUES (:c, :p, :l, :s, :cat, :v, :r, :by, :at, :conf)""")
                .param("c", caseId).param("p", party).param("l", list).param("s", sourceId).param("cat", category)
                .param("v", verdict.name()).param("r", reason).param("by", by).param("at", Timestamp.from(now)).param("conf", confirms)
                .update(keys, "id");
        return jdbc.sql("SELECT * FROM case_adjudication WHERE id = :id").param("id", keys.getKeyAs(Long.class)).query(ADJUDICATION).single();
    }

    List<CaseRecords.Adjudication> adjudications(long caseId) {
        return jdbc.sql("SELECT * FROM case_adjudication WHERE case_id = :c ORDER BY id").param("c", caseId).query(ADJUDICATION).list();
    }

    // conditions

    CaseRecords.Condition insertCondition(long caseId, Mitigation kind, String detail, String owner, LocalDate dueOn, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_condition (case_id, kind, detail, owner, due_on, added_by, added_at) VALUES (:c, :k, :d, :o, :due, :by, :at)")
                .param("c", caseId).param("k", kind.name()).param("d", detail).param("o", owner).param("due", dueOn)
                .param("by", by).param("at", Timestamp.from(now)).update(keys, "id");
        return condition(keys.getKeyAs(Long.class)).orElseThrow();
    }

    Optional<CaseRecords.Condition> condition(long id) {
        return jdbc.sql("SELECT * FROM case_condition WHERE id = :id").param("id", id).query(this::mapCondition).optional();
    }

    List<CaseRecords.Condition> conditions(long caseId) {
        return jdbc.sql("SELECT * FROM case_condition WHERE case_id = :c ORDER BY id").param("c", caseId).query(this::mapCondition).list();
    }

    CaseRecords.Attestation insertAttestation(long conditionId, String statement, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_attestation (condition_id, statement, attested_by, attested_at) VALUES (:c, :s, :by, :at)")
                .param("c", conditionId).param("s", statement).param("by", by).param("at", Timestamp.from(now)).update(keys, "id");
        return attestation(conditionId).orElseThrow();
    }

    private Optional<CaseRecords.Attestation> attestation(long conditionId) {
        return jdbc.sql("SELECT * FROM case_attestation WHERE condition_id = :c").param("c", conditionId)
                .query((rs, n) -> new CaseRecords.Attestation(rs.getLong("id"), rs.getLong("condition_id"), rs.getString("statement"),
                        rs.getString("attested_by"), rs.getTimestamp("attested_at").toInstant())).optional();
    }

    private CaseRecords.Condition mapCondition(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new CaseRecords.Condition(id, rs.getLong("case_id"), Mitigation.valueOf(rs.getString("kind")), rs.getString("detail"),
                rs.getString("owner"), rs.getObject("due_on", LocalDate.class), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant(), attestation(id).orElse(null));
    }

    // recommendations, decisions, notes

    CaseRecords.RecommendationMade insertRecommendation(long caseId, Stage stage, Recommendation r, String rationale, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_recommendation (case_id, stage, recommendation, rationale, recommended_by, recommended_at)
                VALUES (:c, :s, :r, :why, :by, :at)""")
                .param("c", caseId).param("s", stage.key()).param("r", r.name()).param("why", rationale).param("by", by)
                .param("at", Timestamp.from(now)).update(keys, "id");
        return jdbc.sql("SELECT * FROM case_recommendation WHERE id = :id").param("id", keys.getKeyAs(Long.class)).query(RECOMMENDATION).single();
    }

    List<CaseRecords.RecommendationMade> recommendations(long caseId) {
        return jdbc.sql("SELECT * FROM case_recommendation WHERE case_id = :c ORDER BY id").param("c", caseId).query(RECOMMENDATION).list();
    }

    CaseRecords.Decision insertDecision(long caseId, Stage stage, Outcome outcome, String rationale, String cites, Long reverses,
                                        String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_decision (case_id, stage, outcome, rationale, cites, reverses, decided_by, decided_at)
                VALUES (:c, :s, :o, :why, :cites, :rev, :by, :at)""")
                .param("c", caseId).param("s", stage.key()).param("o", outcome.name()).param("why", rationale).param("cites", cites)
                .param("rev", reverses).param("by", by).param("at", Timestamp.from(now)).update(keys, "id");
        return jdbc.sql("SELECT * FROM case_decision WHERE id = :id").param("id", keys.getKeyAs(Long.class)).query(DECISION).single();
    }

    List<CaseRecords.Decision> decisions(long caseId) {
        return jdbc.sql("SELECT * FROM case_decision WHERE case_id = :c ORDER BY id").param("c", caseId).query(DECISION).list();
    }

    CaseRecords.Note insertNote(long caseId, String body, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_note (case_id, body, written_by, written_at) VALUES (:c, :b, :by, :at)")
                .param("c", caseId).param("b", body).param("by", by).param("at", Timestamp.from(now)).update(keys, "id");
        return jdbc.sql("SELECT * FROM case_note WHERE id = :id").param("id", keys.getKeyAs(Long.class)).query(NOTE).single();
    }

    List<CaseRecords.Note> notes(long caseId) {
        return jdbc.sql("SELECT * FROM case_note WHERE case_id = :c ORDER BY id").param("c", caseId).query(NOTE).list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static final RowMapper<ReviewCase> CASE = (rs, n) -> {
        String route = rs.getString("route");
        String stage = rs.getString("stage");
        return new ReviewCase(rs.getLong("id"), rs.getString("engagement_id"), rs.getLong("assessment_id"),
                Tier.valueOf(rs.getString("tier")),
                route.isEmpty() ? List.of() : Arrays.stream(route.split(",")).map(Stage::fromKey).toList(),
                stage == null ? null : Stage.fromKey(stage), CaseStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
                instant(rs, "opened_at"), instant(rs, "stage_entered_at"), instant(rs, "due_at"), instant(rs, "closed_at"),
                longOrNull(rs, "reopened_from"), rs.getString("analyst"));
    };

    private static final RowMapper<CaseRecords.InformationRequest> REQUEST = (rs, n) -> new CaseRecords.InformationRequest(
            rs.getLong("id"), rs.getLong("case_id"), rs.getString("question"), rs.getString("asked_by"), instant(rs, "asked_at"),
            rs.getString("answer"), rs.getString("answered_by"), instant(rs, "answered_at"));

    private static final RowMapper<CaseRecords.Adjudication> ADJUDICATION = (rs, n) -> new CaseRecords.Adjudication(
            rs.getLong("id"), rs.getLong("case_id"), rs.getString("party"), rs.getString("list_key"), rs.getString("source_id"),
            rs.getString("category"), Verdict.valueOf(rs.getString("verdict")), rs.getString("reason"), rs.getString("adjudicated_by"),
            instant(rs, "adjudicated_at"), longOrNull(rs, "confirms"));

    private static final RowMapper<CaseRecords.RecommendationMade> RECOMMENDATION = (rs, n) -> new CaseRecords.RecommendationMade(
            rs.getLong("id"), rs.getLong("case_id"), Stage.fromKey(rs.getString("stage")), Recommendation.valueOf(rs.getString("recommendation")),
            rs.getString("rationale"), rs.getString("recommended_by"), instant(rs, "recommended_at"));

    private static final RowMapper<CaseRecords.Decision> DECISION = (rs, n) -> new CaseRecords.Decision(
            rs.getLong("id"), rs.getLong("case_id"), Stage.fromKey(rs.getString("stage")), Outcome.valueOf(rs.getString("outcome")),
            rs.getString("rationale"), rs.getString("cites"), longOrNull(rs, "reverses"), rs.getString("decided_by"), instant(rs, "decided_at"));

    private static final RowMapper<CaseRecords.Note> NOTE = (rs, n) -> new CaseRecords.Note(
            rs.getLong("id"), rs.getLong("case_id"), rs.getString("body"), rs.getString("written_by"), instant(rs, "written_at"));

    /** When each decision was made, and its outcome: for the dashboard's decisions over time. */
    java.util.List<Cases.DecisionMade> decisionsMade() {
        return jdbc.sql("SELECT decided_at, outcome FROM case_decision ORDER BY decided_at")
                .query((rs, n) -> new Cases.DecisionMade(rs.getTimestamp(1).toInstant(), rs.getString(2))).list();
    }
}
