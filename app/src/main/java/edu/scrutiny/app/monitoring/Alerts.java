package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The alerts: raised by monitoring, listed, acknowledged. */
@Service
public class Alerts {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Alerts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * What an alert is raised with; {@code dedupeKey} (or null) makes it raised once only. An alert
     * concerns an engagement, or a watched screening of the desk ({@code screeningId}; with {@code
     * screeningRow}, the row of a watched batch), or neither.
     */
    public record Raise(AlertKind kind, String engagementId, String list, String sourceId, String entityName,
                        String detail, String dedupeKey, Long screeningId, Integer screeningRow) {
        public Raise(AlertKind kind, String engagementId, String list, String sourceId, String entityName, String detail,
                     String dedupeKey) {
            this(kind, engagementId, list, sourceId, entityName, detail, dedupeKey, null, null);
        }

        public Raise(AlertKind kind, String engagementId, String list, String sourceId, String entityName, String detail,
                     String dedupeKey, Long screeningId) {
            this(kind, engagementId, list, sourceId, entityName, detail, dedupeKey, screeningId, null);
        }
    }

    /**
     * Raises an alert in the caller's transaction; an alert with a dedupe key already raised is
     * not raised again (empty result).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Optional<Alert> raise(Raise r) {
        if (r.dedupeKey() != null && jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedupe_key = :k").param("k", r.dedupeKey())
                .query(Integer.class).single() > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO alert (kind, status, engagement_id, list_key, source_id, entity_name, detail, dedupe_key, created_at,
                                       screening_id, screening_row)
                    VALUES (:kind, 'OPEN', :e, :l, :s, :n, :d, :k, :at, :screening, :row)""")
                    .param("kind", r.kind().name()).param("e", r.engagementId()).param("l", r.list()).param("s", r.sourceId())
                    .param("n", r.entityName()).param("d", r.detail()).param("k", r.dedupeKey()).param("at", Timestamp.from(now))
                    .param("screening", r.screeningId()).param("row", r.screeningRow()).update(keys, "id");
        } catch (DuplicateKeyException raced) {
            return Optional.empty(); // another instance raised it a moment ago
        }
        Alert alert = find(keys.getKeyAs(Long.class)).orElseThrow();
        events.publishEvent(new AlertRaised(alert));
        return Optional.of(alert);
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql("SELECT * FROM alert WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    /** The open alerts, oldest first. */
    public List<Alert> open() {
        return jdbc.sql("SELECT * FROM alert WHERE status = 'OPEN' ORDER BY id").query(MAPPER).list();
    }

    public List<Alert> forEngagement(String engagementId) {
        return jdbc.sql("SELECT * FROM alert WHERE engagement_id = :e ORDER BY id").param("e", engagementId).query(MAPPER).list();
    }

    /** The alerts on a watched screening of the desk, oldest first. */
    public List<Alert> forScreening(long screeningId) {
        return jdbc.sql("SELECT * FROM alert WHERE screening_id = :s ORDER BY id").param("s", screeningId).query(MAPPER).list();
    }

    /** Acknowledges an alert; the audit trail records who and when ({@link AlertAcknowledged}). */
    @Transactional
    public Alert acknowledge(long id, String by) {
        if (jdbc.sql("UPDATE alert SET status = 'ACKNOWLEDGED' WHERE id = :id").param("id", id).update() != 1) {
            throw new InvalidInput("alert " + id, "id", "no such alert");
        }
        Alert a = find(id).orElseThrow();
        events.publishEvent(new AlertAcknowledged(a, by));
        return a;
    }

    private static final RowMapper<Alert> MAPPER = (rs, n) -> new Alert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
            rs.getString("status"), rs.getString("engagement_id"), rs.getString("list_key"), rs.getString("source_id"),
            rs.getString("entity_name"), rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
            rs.getObject("screening_id", Long.class), rs.getObject("screening_row", Integer.class));
}
