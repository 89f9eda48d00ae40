package edu.scrutiny.app.desk;

import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.Schema;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The screening log's tables: {@code desk_screening}, {@code desk_result}, {@code desk_disposition}. */
@Repository
class DeskStore {
    private final JdbcClient jdbc;

    DeskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key the log is searched by: lower case, spacing collapsed. */
    static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    long insertScreening(String runBy, Instant runAt, Channel channel, DeskQuery q, List<LoggedScreening.UsedVersion> versions,
                         int results, Outcome outcome, boolean open) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO desk_screening (run_by, run_at, channel, name, name_key, schema_name, countries, birth_date, lists, as_of,
                                            purpose, watch, list_versions, result_count, outcome, is_open)
                VALUES (:by, :at, :ch, :name, :key, :schema, :countries, :born, :lists, :asOf, :purpose, :watch, :versions, :n, :outcome, :open)""")
                .param("by", runBy).param("at", Timestamp.from(runAt)).param("ch", channel.name())
                .param("name", q.name()).param("key", nameKey(q.name()))
                .param("schema", q.schema() == null ? null : q.schema().ftmName())
                .param("countries", String.join(";", q.countries())).param("born", q.birthDate())
                .param("lists", q.lists() == null ? null : String.join(";", q.lists().stream().sorted().toList()))
                .param("asOf", Date.valueOf(q.asOf())).param("purpose", q.purpose()).param("watch", q.watch())
                .param("versions", Documents.toJson(versions)).param("n", results).param("outcome", outcome.name())
                .param("open", open).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void insertResult(long screeningId, int rank, Hit h, boolean clearedBefore) {
        jdbc.sql("""
                INSERT INTO desk_result (screening_id, result_rank, list_key, source_id, category, entity_name, matched_name, score,
                                         explanation, programs, listed_on, delisted_on, version_id, content_sha, cleared)
                VALUES (:id, :rank, :list, :source, :category, :entity, :matched, :score, :explanation, :programs, :listed, :delisted,
                        :version, :sha, :cleared)""")
                .param("id", screeningId).param("rank", rank).param("list", h.list()).param("source", h.sourceId())
                .param("category", h.category()).param("entity", h.entityName()).param("matched", h.matchedName())
                .param("score", h.score()).param("explanation", h.explanation())
                .param("programs", h.programs() == null ? null : String.join(";", h.programs()))
                .param("listed", h.listedOn() == null ? null : Date.valueOf(h.listedOn()))
                .param("delisted", h.delistedOn() == null ? null : Date.valueOf(h.delistedOn()))
                .param("version", h.versionId()).param("sha", h.contentSha()).param("cleared", clearedBefore).update();
    }

    /** Adds a result a watched screening's re-screening found, after the others. */
    void appendResult(long screeningId, Hit h) {
        int rank = jdbc.sql("SELECT COALESCE(MAX(result_rank), 0) + 1 FROM desk_result WHERE screening_id = :id").param("id", screeningId)
                .query(Integer.class).single();
        insertResult(screeningId, rank, h, false);
        jdbc.sql("UPDATE desk_screening SET result_count = result_count + 1 WHERE id = :id").param("id", screeningId).update();
    }

    /** A closed result found again (its entry listed again): live again, with the content found now. */
    void reopenResult(long screeningId, Hit h) {
        jdbc.sql("""
                UPDATE desk_result SET closed_on = NULL, score = :score, explanation = :explanation, version_id = :version,
                       content_sha = :sha, entity_name = :entity, matched_name = :matched
                WHERE screening_id = :id AND list_key = :l AND source_id = :s""")
                .param("score", h.score()).param("explanation", h.explanation()).param("version", h.versionId())
                .param("sha", h.contentSha()).param("entity", h.entityName()).param("matched", h.matchedName())
                .param("id", screeningId).param("l", h.list()).param("s", h.sourceId()).update();
    }

    /** Who ran a screening. */
    Optional<String> runBy(long id) {
        return jdbc.sql("SELECT run_by FROM desk_screening WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** Marks a result closed (its entry delisted or removed), as a watched screening's re-screening found. */
    void closeResult(long screeningId, String list, String sourceId, LocalDate on) {
        jdbc.sql("UPDATE desk_result SET closed_on = :on WHERE screening_id = :id AND list_key = :l AND source_id = :s AND closed_on IS NULL")
                .param("on", Date.valueOf(on)).param("id", screeningId).param("l", list).param("s", sourceId).update();
    }

    /** Locks a screening's row until the transaction ends, so that dispositions on it take turns. */
    boolean lock(long id) {
        return jdbc.sql("SELECT id FROM desk_screening WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional().isPresent();
    }

    long insertDisposition(long screeningId, String list, String sourceId, Verdict verdict, String reason, String by, Instant at,
                           Long confirms) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO desk_disposition (screening_id, list_key, source_id, verdict, reason, disposed_by, disposed_at, confirms)
                VALUES (:id, :l, :s, :v, :r, :by, :at, :c)""")
                .param("id", screeningId).param("l", list).param("s", sourceId).param("v", verdict.name()).param("r", reason)
                .param("by", by).param("at", Timestamp.from(at)).param("c", confirms).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void updateState(long id, Outcome outcome, boolean open) {
        jdbc.sql("UPDATE desk_screening SET outcome = :o, is_open = :open WHERE id = :id")
                .param("o", outcome.name()).param("open", open).param("id", id).update();
    }

    Optional<LoggedScreening> find(long id) {
        Optional<LoggedScreening> head = jdbc.sql("SELECT * FROM desk_screening WHERE id = :id").param("id", id).query(SUMMARY).optional();
        if (head.isEmpty()) {
            return head;
        }
        List<ResultStates.Stored> stored = jdbc.sql("SELECT * FROM desk_result WHERE screening_id = :id ORDER BY result_rank")
                .param("id", id).query(RESULT).list();
        List<Disposition> dispositions = dispositions(id);
        LoggedScreening s = head.get();
        return Optional.of(new LoggedScreening(s.id(), s.runBy(), s.runAt(), s.channel(), s.query(), s.listVersions(), s.resultCount(),
                s.outcome(), s.open(), ResultStates.results(stored, dispositions), dispositions));
    }

    List<Disposition> dispositions(long screeningId) {
        return jdbc.sql("SELECT * FROM desk_disposition WHERE screening_id = :id ORDER BY id").param("id", screeningId)
                .query(DISPOSITION).list();
    }

    /** Summaries (without results and dispositions), newest first. */
    List<LoggedScreening> search(LogSearch s) {
        StringBuilder sql = new StringBuilder("SELECT * FROM desk_screening WHERE 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (s.q() != null && !s.q().isBlank()) {
            // a batch is found by the names in its file too
            sql.append(" AND (name_key LIKE :q ESCAPE '\\' OR id IN (SELECT screening_id FROM desk_batch_row WHERE name_key LIKE :q ESCAPE '\\'))");
            params.add(new Object[] {"q", "%" + nameKey(s.q()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"});
        }
        if (s.user() != null && !s.user().isBlank()) {
            sql.append(" AND run_by = :user");
            params.add(new Object[] {"user", s.user().strip()});
        }
        if (s.from() != null) {
            sql.append(" AND run_at >= :from");
            params.add(new Object[] {"from", Timestamp.from(s.from().atStartOfDay(ZoneOffset.UTC).toInstant())});
        }
        if (s.to() != null) {
            sql.append(" AND run_at < :to");
            params.add(new Object[] {"to", Timestamp.from(s.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())});
        }
        if (s.outcome() != null) {
            sql.append(" AND outcome = :outcome");
            params.add(new Object[] {"outcome", s.outcome().name()});
        }
        if (s.open() != null) {
            sql.append(" AND is_open = :open");
            params.add(new Object[] {"open", s.open()});
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, s.limit()));
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        return spec.query(SUMMARY).list();
    }

    /** The ids of the watched screenings, oldest first. */
    List<Long> watched() {
        return jdbc.sql("SELECT id FROM desk_screening WHERE watch = TRUE ORDER BY id").query(Long.class).list();
    }

    private static final TypeReference<List<LoggedScreening.UsedVersion>> VERSIONS = new TypeReference<>() {
    };

    private static final RowMapper<LoggedScreening> SUMMARY = (rs, n) -> {
        String schema = rs.getString("schema_name");
        String countries = rs.getString("countries");
        String lists = rs.getString("lists");
        DeskQuery q = new DeskQuery(rs.getString("name"), schema == null ? null : Schema.fromFtm(schema).orElse(null),
                countries == null || countries.isEmpty() ? List.of() : Arrays.asList(countries.split(";")), rs.getString("birth_date"),
                lists == null ? null : new LinkedHashSet<>(Arrays.asList(lists.split(";"))), rs.getDate("as_of").toLocalDate(),
                rs.getString("purpose"), rs.getBoolean("watch"));
        return new LoggedScreening(rs.getLong("id"), rs.getString("run_by"), rs.getTimestamp("run_at").toInstant(),
                Channel.valueOf(rs.getString("channel")), q, Documents.JSON.readValue(rs.getString("list_versions"), VERSIONS),
                rs.getInt("result_count"), Outcome.valueOf(rs.getString("outcome")), rs.getBoolean("is_open"), null, null);
    };

    private static final RowMapper<ResultStates.Stored> RESULT = (rs, n) -> {
        String programs = rs.getString("programs");
        return new ResultStates.Stored(rs.getInt("result_rank"), rs.getString("list_key"), rs.getString("source_id"),
                rs.getString("category"), rs.getString("entity_name"), rs.getString("matched_name"), rs.getDouble("score"),
                rs.getString("explanation"), programs == null || programs.isEmpty() ? List.of() : Arrays.asList(programs.split(";")),
                date(rs, "listed_on"), date(rs, "delisted_on"), rs.getLong("version_id"), rs.getString("content_sha"),
                rs.getBoolean("cleared"), date(rs, "closed_on"));
    };

    private static final RowMapper<Disposition> DISPOSITION = (rs, n) -> new Disposition(rs.getLong("id"), rs.getLong("screening_id"),
            rs.getString("list_key"), rs.getString("source_id"), Verdict.valueOf(rs.getString("verdict")), rs.getString("reason"),
            rs.getString("disposed_by"), rs.getTimestamp("disposed_at").toInstant(), (Long) rs.getObject("confirms", Long.class));

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
