package edu.scrutiny.app.policy;

import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The policy's versions: the current one, any earlier one, and new ones. */
@Service
public class Policies {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The latest version. Read from the database on every call (another server may have recorded a
     * newer one), but its document parsed only when the row differs from the one parsed last: every
     * assessment and every alert's notification asks for the current policy, and parsing its JSON
     * each time was a fifth of recording a re-screened engagement (JFR, rescreen benchmark).
     */
    public Policy current() {
        return jdbc.sql("SELECT * FROM policy_version ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> {
                    Row row = ROW.mapRow(rs, n);
                    Parsed last = lastParsed;
                    if (last != null && last.row().equals(row)) {
                        return last.policy();
                    }
                    Policy policy = row.parse();
                    lastParsed = new Parsed(row, policy);
                    return policy;
                }).single();
    }

    /** A version's row as stored: the whole row is compared, so that what is returned is always what the row says. */
    private record Row(int version, String document, String note, Instant recordedAt, String recordedBy) {
        Policy parse() {
            return new Policy(version, Documents.JSON.readValue(document, PolicyDocument.class), note, recordedAt, recordedBy);
        }
    }

    /** A row and the policy parsed from it, published together. Policy is immutable (records of unmodifiable copies). */
    private record Parsed(Row row, Policy policy) {
    }

    private volatile Parsed lastParsed;

    public Policy version(int version) {
        return jdbc.sql("SELECT * FROM policy_version WHERE version = :v").param("v", version).query(MAPPER).optional()
                .orElseThrow(() -> new InvalidInput("policy", "version", "no policy version " + version));
    }

    public List<Policy> history() {
        return jdbc.sql("SELECT * FROM policy_version ORDER BY version").query(MAPPER).list();
    }

    /** Checks the document, records it as the next version and announces it with {@link PolicyUpdated}. */
    @Transactional
    public Policy update(PolicyDocument document, String note, String by) {
        PolicyDocuments.check(document, "policy");
        Policy previous = jdbc.sql("SELECT * FROM policy_version ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .query(MAPPER).optional().orElse(null);
        int version = previous == null ? 1 : previous.version() + 1;
        jdbc.sql("INSERT INTO policy_version (version, document, note, recorded_at, recorded_by) VALUES (:v, :d, :n, :at, :by)")
                .param("v", version).param("d", Documents.toJson(document)).param("n", note)
                .param("at", Timestamp.from(clock.instant())).param("by", by).update();
        Policy updated = version(version);
        events.publishEvent(new PolicyUpdated(previous, updated, by));
        return updated;
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getInt("version"), rs.getString("document"),
            rs.getString("note"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    private static final RowMapper<Policy> MAPPER = (rs, n) -> ROW.mapRow(rs, n).parse();
}
