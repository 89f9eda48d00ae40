package edu.scrutiny.app.screening;

import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Hits analysts cleared as false positives. A clearance holds for one party name and one entry
 * content: when either changes, the hit is raised again. (Who may clear, and the second analyst a
 * sanctions hit needs, belong to the review workflow.)
 */
@Service
public class HitClearances {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HitClearances(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The key a party's name is remembered by: case, spacing and punctuation at the ends do not matter. */
    static String partyKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public boolean isCleared(Hit hit) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM hit_clearance
                WHERE party_key = :p AND list_key = :l AND source_id = :s AND content_sha = :c""")
                .param("p", partyKey(hit.party())).param("l", hit.list()).param("s", hit.sourceId())
                .param("c", hit.contentSha()).query(Integer.class).single() > 0;
    }

    /** Which of these entries of a list some hit was cleared on (in any content): a change to one voids its clearances. */
    public java.util.Set<String> clearedAmong(String listKey, java.util.Collection<String> sourceIds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<String> ids = List.copyOf(sourceIds);
        for (int i = 0; i < ids.size(); i += 500) {
            out.addAll(jdbc.sql("SELECT DISTINCT source_id FROM hit_clearance WHERE list_key = :l AND source_id IN (:s)")
                    .param("l", listKey).param("s", ids.subList(i, Math.min(ids.size(), i + 500))).query(String.class).list());
        }
        return out;
    }

    /**
     * Remembers a hit as a false positive, and announces it with {@link HitCleared}; returns the
     * clearance's id. Callers apply the four-eyes rule first (case adjudication, {@link HitClearanceRequests}).
     */
    @Transactional
    public long clear(Hit hit, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("clearance", "reason", "is required: say why the hit is a false positive");
        }
        Instant now = clock.instant();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO hit_clearance (party_key, list_key, source_id, content_sha, reason, cleared_by, cleared_at)
                VALUES (:p, :l, :s, :c, :r, :by, :at)""")
                .param("p", partyKey(hit.party())).param("l", hit.list()).param("s", hit.sourceId())
                .param("c", hit.contentSha()).param("r", reason).param("by", by)
                .param("at", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        events.publishEvent(new HitCleared(id, hit.party(), hit.list(), hit.sourceId(), hit.contentSha(), reason, by, now));
        return id;
    }
}
