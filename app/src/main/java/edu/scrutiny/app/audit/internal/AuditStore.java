package edu.scrutiny.app.audit.internal;

import edu.scrutiny.app.audit.AuditRecord;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The tables {@code audit_log} and {@code audit_head}. There is no statement here, nor anywhere
 * in Scrutiny, that updates or deletes a row of {@code audit_log}: records are only inserted.
 */
@Repository
public class AuditStore {
    /** The last record appended, as {@code audit_head} holds it. */
    public record Head(long lastSeq, String lastHash) {
    }

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head row until the transaction ends and reads it: appends take turns here. */
    public Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
    }

    /** The head as committed, without locking it. */
    public Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
    }

    /** Inserts a record and moves the head to it; the caller holds the lock from {@link #lockHead()}. */
    public void insert(AuditRecord r) {
        jdbc.sql("""
                INSERT INTO audit_log (seq, recorded_at, actor, action, object_type, object_id, before_doc, after_doc, prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :type, :id, :before, :after, :prev, :hash)""")
                .param("seq", r.seq()).param("at", LocalDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC))
                .param("actor", r.actor()).param("action", r.action()).param("type", r.objectType())
                .param("id", r.objectId()).param("before", r.before()).param("after", r.after())
                .param("prev", r.prevHash()).param("hash", r.hash()).update();
        jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", r.seq()).param("hash", r.hash()).update();
    }

    /** Up to {@code limit} records after {@code afterSeq}, in chain order. */
    public List<AuditRecord> page(long afterSeq, int limit) {
        return jdbc.sql("SELECT * FROM audit_log WHERE seq > :after ORDER BY seq FETCH FIRST :limit ROWS ONLY")
                .param("after", afterSeq).param("limit", limit).query(MAPPER).list();
    }

    /** Up to {@code limit} records before {@code beforeSeq}, newest first. */
    public List<AuditRecord> newestBefore(long beforeSeq, int limit) {
        return jdbc.sql("SELECT * FROM audit_log WHERE seq < :before ORDER BY seq DESC FETCH FIRST :limit ROWS ONLY")
                .param("before", beforeSeq).param("limit", limit).query(MAPPER).list();
    }

    /** The number of records before seq {@code seq}. */
    public long countBefore(long seq) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE seq < :seq").param("seq", seq).query(Long.class).single();
    }

    /** The last {@code limit} records about one object, oldest first. */
    public List<AuditRecord> byObject(String objectType, String objectId, int limit) {
        List<AuditRecord> newestFirst = jdbc.sql("""
                SELECT * FROM audit_log WHERE object_type = :type AND object_id = :id
                ORDER BY seq DESC FETCH FIRST :limit ROWS ONLY""")
                .param("type", objectType).param("id", objectId).param("limit", limit).query(MAPPER).list();
        return newestFirst.reversed();
    }

    private static final RowMapper<AuditRecord> MAPPER = (rs, n) -> new AuditRecord(
            rs.getLong("seq"),
            rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
            rs.getString("actor"), rs.getString("action"),
            rs.getString("object_type"), rs.getString("object_id"),
            rs.getString("before_doc"), rs.getString("after_doc"),
            rs.getString("prev_hash"), rs.getString("hash"));
}
