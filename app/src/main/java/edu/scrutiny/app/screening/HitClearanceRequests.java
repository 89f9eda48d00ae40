package edu.scrutiny.app.screening;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Clearing a hit as a false positive outside a case, under the four-eyes rule: a clearance made
 * this way holds for the party name in every engagement, so one analyst's word is only a request;
 * the clearance takes effect when a second, different analyst asks for the same hit (party, list,
 * entry and entry content). Case adjudication ({@code review.AdjudicateHit}) applies the same rule
 * to sanctions hits within a case.
 */
@Service
public class HitClearanceRequests {
    private final JdbcClient jdbc;
    private final HitClearances clearances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HitClearanceRequests(JdbcClient jdbc, HitClearances clearances, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.clearances = clearances;
        this.events = events;
        this.clock = clock;
    }

    /** A clearance asked for; {@code clearanceId} is set once a second analyst confirmed it. */
    public record Request(long id, String party, String list, @JsonProperty("source_id") String sourceId,
                          @JsonProperty("content_sha") String contentSha, String reason,
                          @JsonProperty("requested_by") String requestedBy, @JsonProperty("requested_at") Instant requestedAt,
                          @JsonProperty("confirmed_by") String confirmedBy, @JsonProperty("confirmed_at") Instant confirmedAt,
                          @JsonProperty("clearance_id") Long clearanceId) {
        /** {@code pending} until a second analyst confirms it, then {@code cleared}. */
        @JsonProperty("status")
        public String status() {
            return clearanceId == null ? "pending" : "cleared";
        }
    }

    /**
     * Asks for a hit to be cleared (the first analyst) or confirms the request waiting on it (a
     * second, different analyst, whose reason is added to the first one's).
     *
     * @return the request: pending, or cleared with the clearance made
     * @throws NotPermitted when the analyst who asked confirms their own request
     */
    @Transactional
    public Request requestOrConfirm(Hit hit, String reason, String by) {
        Optional<Request> waiting = jdbc.sql("""
                        SELECT * FROM hit_clearance_request
                        WHERE party_key = :p AND list_key = :l AND source_id = :s AND content_sha = :c AND clearance_id IS NULL
                        ORDER BY id FOR UPDATE""")
                .param("p", HitClearances.partyKey(hit.party())).param("l", hit.list()).param("s", hit.sourceId())
                .param("c", hit.contentSha()).query(MAPPER).stream().findFirst();
        Instant now = clock.instant();
        if (waiting.isEmpty()) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO hit_clearance_request (party, party_key, list_key, source_id, content_sha, reason, requested_by, requested_at)
                    VALUES (:party, :p, :l, :s, :c, :r, :by, :at)""")
                    .param("party", hit.party()).param("p", HitClearances.partyKey(hit.party())).param("l", hit.list())
                    .param("s", hit.sourceId()).param("c", hit.contentSha()).param("r", reason).param("by", by)
                    .param("at", Timestamp.from(now)).update(keys, "id");
            Request request = find(keys.getKeyAs(Long.class)).orElseThrow();
            events.publishEvent(new HitClearanceRequested(request));
            return request;
        }
        Request first = waiting.get();
        if (first.requestedBy().equals(by)) {
            throw new NotPermitted("clearing a hit as a false positive needs a second, different analyst to confirm it; "
                    + by + " asked for this clearance already (request " + first.id() + ")");
        }
        long clearance = clearances.clear(hit, first.reason() + " (confirmed by " + by + ": " + reason + ")", by);
        jdbc.sql("UPDATE hit_clearance_request SET confirmed_by = :by, confirmed_at = :at, clearance_id = :c WHERE id = :id")
                .param("by", by).param("at", Timestamp.from(now)).param("c", clearance).param("id", first.id()).update();
        return find(first.id()).orElseThrow();
    }

    public Optional<Request> find(long id) {
        return jdbc.sql("SELECT * FROM hit_clearance_request WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    private static final RowMapper<Request> MAPPER = (rs, n) -> new Request(rs.getLong("id"), rs.getString("party"),
            rs.getString("list_key"), rs.getString("source_id"), rs.getString("content_sha"), rs.getString("reason"),
            rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")), rs.getString("confirmed_by"),
            instant(rs.getTimestamp("confirmed_at")), (Long) rs.getObject("clearance_id", Long.class));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
