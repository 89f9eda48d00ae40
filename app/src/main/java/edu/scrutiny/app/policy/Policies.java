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

    public Policy current() {
        return jdbc.sql("SELECT * FROM policy_version ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .query(MAPPER).single();
    }

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

    private static final RowMapper<Policy> MAPPER = (rs, n) -> new Policy(
            rs.getInt("version"),
            Documents.JSON.readValue(rs.getString("document"), PolicyDocument.class),
            rs.getString("note"),
            rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("recorded_by"));
}
