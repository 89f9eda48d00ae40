package edu.scrutiny.app.engagement.internal;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.support.Documents;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Engagements in the {@code engagement} table: the document whole, and the columns queries use. */
@Repository
public class EngagementRepository {
    private final JdbcClient jdbc;

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StoredEngagement insert(Engagement e, EngagementStatus status, Instant now, String submittedBy) {
        // the id is made from the identity column, so concurrent submissions never collide
        String provisional = UUID.randomUUID().toString().substring(0, 20);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO engagement (id, title, type, renewal, renews, submitted_on, status, document, created_at, submitted_by)
                VALUES (:id, :title, :type, :renewal, :renews, :submitted, :status, :document, :created, :by)""")
                .param("id", provisional).param("title", e.title()).param("type", e.type().key())
                .param("renewal", e.renewal()).param("renews", e.renews()).param("submitted", e.submittedOn())
                .param("status", status.name()).param("document", EngagementDocuments.write(e))
                .param("created", Timestamp.from(now)).param("by", submittedBy)
                .update(keys, "seq");
        long seq = keys.getKeyAs(Long.class);
        String id = String.format(Locale.ROOT, "ENG-%06d", seq);
        jdbc.sql("UPDATE engagement SET id = :id WHERE seq = :seq").param("id", id).param("seq", seq).update();
        return new StoredEngagement(id, status, now, e);
    }

    public Optional<StoredEngagement> find(String id) {
        return jdbc.sql("SELECT id, status, created_at, document FROM engagement WHERE id = :id")
                .param("id", id).query(MAPPER).optional();
    }

    public List<StoredEngagement> all() {
        return jdbc.sql("SELECT id, status, created_at, document FROM engagement ORDER BY seq").query(MAPPER).list();
    }

    /** The engagements one user submitted, oldest first. */
    public List<StoredEngagement> submittedBy(String username) {
        return jdbc.sql("SELECT id, status, created_at, document FROM engagement WHERE submitted_by = :by ORDER BY seq")
                .param("by", username).query(MAPPER).list();
    }

    /** Who submitted an engagement, if it exists and that was recorded. */
    public Optional<String> submitter(String id) {
        return jdbc.sql("SELECT submitted_by FROM engagement WHERE id = :id").param("id", id).query(String.class).optional();
    }

    public java.util.Set<String> liveIds() {
        return new java.util.HashSet<>(jdbc.sql("SELECT id FROM engagement WHERE status NOT IN ('DECLINED', 'WITHDRAWN', 'EXPIRED', 'TERMINATED')")
                .query(String.class).list());
    }

    public String fingerprint() {
        return jdbc.sql("SELECT COUNT(*) || ':' || COALESCE(MAX(seq), 0) FROM engagement").query(String.class).single();
    }

    public boolean updateStatus(String id, EngagementStatus status) {
        return jdbc.sql("UPDATE engagement SET status = :status WHERE id = :id")
                .param("status", status.name()).param("id", id).update() == 1;
    }

    private static final RowMapper<StoredEngagement> MAPPER = (rs, n) -> new StoredEngagement(
            rs.getString("id"),
            EngagementStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("created_at").toInstant(),
            Documents.JSON.readValue(rs.getString("document"), Engagement.class));
}
