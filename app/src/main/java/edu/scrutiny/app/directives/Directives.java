package edu.scrutiny.app.directives;

import edu.scrutiny.app.support.Documents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The directives module's API: import (all or nothing), read current and past revisions. */
@Service
public class Directives {
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Directives(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** What an import did: directives new to Scrutiny, changed ones (a new revision), and unchanged ones. */
    public record ImportSummary(int added, int revised, int unchanged) {
    }

    /**
     * Records each directive as a new revision where it is new or changed; all in one transaction.
     * Announces what it recorded with {@link DirectivesImported}.
     */
    @Transactional
    public ImportSummary importAll(List<Directive> directives, String by) {
        int added = 0;
        int revised = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        List<DirectivesImported.Revision> recorded = new ArrayList<>();
        for (Directive d : directives) {
            Optional<StoredDirective> current = find(d.id());
            if (current.isPresent() && current.get().directive().equals(d)) {
                unchanged++;
                continue;
            }
            int revision = current.map(s -> s.revision() + 1).orElse(1);
            jdbc.sql("""
                    INSERT INTO directive (id, revision, title, document, effective_from, revisit_by, recorded_at, recorded_by)
                    VALUES (:id, :rev, :title, :doc, :from, :revisit, :at, :by)""")
                    .param("id", d.id()).param("rev", revision).param("title", d.title())
                    .param("doc", Documents.toJson(d)).param("from", d.effectiveFrom()).param("revisit", d.revisitBy())
                    .param("at", Timestamp.from(now)).param("by", by).update();
            recorded.add(new DirectivesImported.Revision(current.orElse(null), new StoredDirective(d, revision, now, by)));
            if (current.isPresent()) {
                revised++;
            } else {
                added++;
            }
        }
        if (!recorded.isEmpty()) {
            events.publishEvent(new DirectivesImported(recorded, by));
        }
        return new ImportSummary(added, revised, unchanged);
    }

    /** The current revision of every directive, by id. */
    public List<StoredDirective> current() {
        return jdbc.sql("""
                SELECT d.* FROM directive d
                WHERE d.revision = (SELECT MAX(r.revision) FROM directive r WHERE r.id = d.id)
                ORDER BY d.id""").query(MAPPER).list();
    }

    /** The directives in force on a date (current revisions). */
    public List<Directive> inForceOn(LocalDate date) {
        return current().stream().map(StoredDirective::directive).filter(d -> d.inForceOn(date)).toList();
    }

    public Optional<StoredDirective> find(String id) {
        return jdbc.sql("SELECT * FROM directive WHERE id = :id ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY")
                .param("id", id).query(MAPPER).optional();
    }

    public List<StoredDirective> history(String id) {
        return jdbc.sql("SELECT * FROM directive WHERE id = :id ORDER BY revision").param("id", id).query(MAPPER).list();
    }

    private static final RowMapper<StoredDirective> MAPPER = (rs, n) -> new StoredDirective(
            Documents.JSON.readValue(rs.getString("document"), Directive.class),
            rs.getInt("revision"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
}
