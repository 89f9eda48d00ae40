package edu.scrutiny.app.assessment;

import edu.scrutiny.app.engagement.EngagementSubmitted;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Assessments of stored engagements: one is recorded when an engagement is submitted (in the same
 * transaction, so an engagement is never stored unassessed), and again whenever asked.
 */
@Service
public class Assessments {
    private final Assessor assessor;
    private final Engagements engagements;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(Assessor assessor, Engagements engagements, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.assessor = assessor;
        this.engagements = engagements;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(EngagementSubmitted event) {
        assessAndRecord(event.engagementId(), null, event.submittedBy());
    }

    /**
     * Assesses a stored engagement (as of its submission date when {@code asOf} is null) and records the result.
     *
     * @param by who asks for it (a user name, {@code command line}, {@code api}), for the audit trail
     */
    @Transactional
    public RecordedAssessment assessAndRecord(String engagementId, LocalDate asOf, String by) {
        StoredEngagement stored = engagements.find(engagementId)
                .orElseThrow(() -> new InvalidInput("engagement " + engagementId, "id", "no such engagement"));
        return record(engagementId, assessor.reassess(stored.engagement(), asOf), by);
    }

    /**
     * Records an assessment of a stored engagement made by {@link Assessor#reassess} (so that many
     * can be computed on every core, and recorded one by one).
     */
    @Transactional
    public RecordedAssessment record(String engagementId, Assessment a, String by) {
        return record(engagementId, a, by, latest(engagementId));
    }

    /**
     * Records an assessment replacing {@code previous}, the engagement's latest as the caller read it
     * in this transaction (monitoring compares the two, and need not read it twice).
     */
    @Transactional
    public RecordedAssessment record(String engagementId, Assessment a, String by, Optional<RecordedAssessment> previous) {
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment (engagement_id, as_of, tier, policy_version, document, assessed_at)
                VALUES (:e, :asOf, :tier, :pv, :doc, :at)""")
                .param("e", engagementId).param("asOf", a.asOf()).param("tier", a.tier().name())
                .param("pv", a.policyVersion()).param("doc", Documents.toJson(a)).param("at", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        // the hits this assessment counts, so that a list change finds the engagements it concerns
        jdbc.sql("DELETE FROM assessment_hit WHERE engagement_id = :e").param("e", engagementId).update();
        for (AssessedHit h : a.hits()) {
            jdbc.sql("INSERT INTO assessment_hit (engagement_id, party, list_key, source_id) VALUES (:e, :p, :l, :s)")
                    .param("e", engagementId).param("p", h.party()).param("l", h.list()).param("s", h.sourceId()).update();
        }
        events.publishEvent(new EngagementAssessed(engagementId, id, a.tier(),
                previous.map(p -> p.assessment().tier()).orElse(null), a.policyVersion(), a.asOf(), by));
        return new RecordedAssessment(id, engagementId, now, a);
    }

    /**
     * The engagements whose latest assessment counts a hit on one of these entries of a list, each
     * with the entries it hits among them.
     */
    public Map<String, Set<String>> hitsOn(String listKey, Collection<String> sourceIds) {
        return countedHits(listKey, "source_id", sourceIds);
    }

    /** The entries of a list that these engagements' latest assessments count hits on, by engagement. */
    public Map<String, Set<String>> hitsOfEngagements(String listKey, Collection<String> engagementIds) {
        return countedHits(listKey, "engagement_id", engagementIds);
    }

    /** The counted hits on a list whose {@code column} is one of the values, as engagement → entries (500 values a query). */
    private Map<String, Set<String>> countedHits(String listKey, String column, Collection<String> values) {
        Map<String, Set<String>> out = new TreeMap<>();
        List<String> all = List.copyOf(values);
        for (int i = 0; i < all.size(); i += 500) {
            jdbc.sql("SELECT engagement_id, source_id FROM assessment_hit WHERE list_key = :l AND " + column + " IN (:v)")
                    .param("l", listKey).param("v", all.subList(i, Math.min(all.size(), i + 500)))
                    .query(rs -> {
                        out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    });
        }
        return out;
    }

    /** Each engagement's latest tier, in one query (lists of engagements show it; reading each assessment would not scale). */
    public Map<String, edu.scrutiny.app.policy.Tier> latestTiers() {
        Map<String, edu.scrutiny.app.policy.Tier> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.engagement_id, a.tier FROM assessment a
                JOIN (SELECT engagement_id, MAX(id) AS id FROM assessment GROUP BY engagement_id) m ON a.id = m.id""")
                .query(rs -> {
                    out.put(rs.getString(1), edu.scrutiny.app.policy.Tier.valueOf(rs.getString(2)));
                });
        return out;
    }

    /** Each engagement's latest assessment, in engagement order, read in one query as the rows come (exports read every one). */
    public void forEachLatest(java.util.function.Consumer<RecordedAssessment> sink) {
        jdbc.sql("""
                SELECT a.* FROM assessment a
                JOIN (SELECT engagement_id, MAX(id) AS id FROM assessment GROUP BY engagement_id) m ON a.id = m.id
                ORDER BY a.engagement_id""")
                .query(rs -> {
                    sink.accept(MAPPER.mapRow(rs, 0));
                });
    }

    /** The id of the engagement's latest assessment, without reading its document (the index by engagement holds it). */
    public OptionalLong latestId(String engagementId) {
        return jdbc.sql("SELECT MAX(id) FROM assessment WHERE engagement_id = :e").param("e", engagementId)
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public Optional<RecordedAssessment> latest(String engagementId) {
        return jdbc.sql("SELECT * FROM assessment WHERE engagement_id = :e ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("e", engagementId).query(MAPPER).optional();
    }

    public List<RecordedAssessment> history(String engagementId) {
        return jdbc.sql("SELECT * FROM assessment WHERE engagement_id = :e ORDER BY id").param("e", engagementId).query(MAPPER).list();
    }

    private static final RowMapper<RecordedAssessment> MAPPER = (rs, n) -> new RecordedAssessment(
            rs.getLong("id"), rs.getString("engagement_id"), rs.getTimestamp("assessed_at").toInstant(),
            Documents.JSON.readValue(rs.getString("document"), Assessment.class));
}
