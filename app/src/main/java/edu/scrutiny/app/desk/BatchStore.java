package edu.scrutiny.app.desk;

import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A batch's tables: {@code desk_batch}, {@code desk_batch_row}, {@code desk_batch_candidate}. */
@Repository
class BatchStore {
    private static final int INSERT_CHUNK = 1000;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BatchStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A candidate found for a row, to store. */
    record Found(int rowNo, int rank, Hit hit, boolean match, boolean cleared) {
    }

    void insertBatch(long id, String fileName, int rows, Instant now) {
        jdbc.sql("""
                INSERT INTO desk_batch (screening_id, file_name, state, rows_total, rows_done, rows_with_hits, rows_with_candidates,
                                        heartbeat_at)
                VALUES (:id, :file, 'QUEUED', :rows, 0, 0, 0, :now)""")
                .param("id", id).param("file", fileName).param("rows", rows).param("now", Timestamp.from(now)).update();
    }

    void insertRows(long id, List<BatchFile.Row> rows) {
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<Object[]> args = new ArrayList<>();
            for (BatchFile.Row r : rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK))) {
                args.add(new Object[] {id, r.rowNo(), r.location(), r.id(), r.name(), DeskStore.nameKey(r.name()),
                        r.schema() == null ? null : r.schema().ftmName(), String.join(";", r.countries()), r.birthDate()});
            }
            template.batchUpdate("""
                    INSERT INTO desk_batch_row (screening_id, row_no, location, row_id, name, name_key, schema_name, countries, birth_date,
                                                screened)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)""", args);
        }
    }

    Optional<BatchStatus> status(long id) {
        return jdbc.sql("""
                SELECT b.*, s.run_by, s.run_at, s.lists, s.as_of, s.purpose, s.watch, s.list_versions
                FROM desk_batch b JOIN desk_screening s ON s.id = b.screening_id WHERE b.screening_id = :id""")
                .param("id", id).query((rs, n) -> {
                    String lists = rs.getString("lists");
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new BatchStatus(rs.getLong("screening_id"), rs.getString("file_name"), rs.getString("run_by"),
                            rs.getTimestamp("run_at").toInstant(), lists == null ? null : new LinkedHashSet<>(Arrays.asList(lists.split(";"))),
                            rs.getDate("as_of").toLocalDate(), rs.getString("purpose"), rs.getBoolean("watch"),
                            rs.getString("state").toLowerCase(Locale.ROOT),
                            rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("rows_with_hits"), rs.getInt("rows_with_candidates"),
                            rs.getString("failure"), finished == null ? null : finished.toInstant(),
                            Documents.JSON.readValue(rs.getString("list_versions"), VERSIONS));
                }).optional();
    }

    private static final TypeReference<List<LoggedScreening.UsedVersion>> VERSIONS = new TypeReference<>() {
    };

    /**
     * Takes a batch that nobody holds (its heartbeat older than {@code staleBefore}) or that is still
     * queued for this instance: true when this caller now holds it.
     */
    boolean claim(long id, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                UPDATE desk_batch SET heartbeat_at = :now
                WHERE screening_id = :id AND state IN ('QUEUED', 'RUNNING') AND heartbeat_at < :stale""")
                .param("now", Timestamp.from(now)).param("id", id).param("stale", Timestamp.from(staleBefore)).update() == 1;
    }

    /** The unfinished batches nobody has renewed since {@code staleBefore}, oldest first. */
    List<Long> abandoned(Instant staleBefore) {
        return jdbc.sql("SELECT screening_id FROM desk_batch WHERE state IN ('QUEUED', 'RUNNING') AND heartbeat_at < :stale ORDER BY screening_id")
                .param("stale", Timestamp.from(staleBefore)).query(Long.class).list();
    }

    void heartbeat(long id, Instant now) {
        jdbc.sql("UPDATE desk_batch SET heartbeat_at = :now WHERE screening_id = :id AND state IN ('QUEUED', 'RUNNING')")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    void running(long id) {
        jdbc.sql("UPDATE desk_batch SET state = 'RUNNING' WHERE screening_id = :id AND state = 'QUEUED'").param("id", id).update();
    }

    /** The next rows not yet screened, in file order. */
    List<BatchFile.Row> pending(long id, int limit) {
        return jdbc.sql("SELECT * FROM desk_batch_row WHERE screening_id = :id AND screened = FALSE ORDER BY row_no LIMIT " + limit)
                .param("id", id).query(ROW).list();
    }

    /** The rows screened so far, in file order (a watched batch's, to screen again). */
    List<BatchFile.Row> screenedRows(long id) {
        return jdbc.sql("SELECT * FROM desk_batch_row WHERE screening_id = :id AND screened = TRUE ORDER BY row_no")
                .param("id", id).query(ROW).list();
    }

    private static final org.springframework.jdbc.core.RowMapper<BatchFile.Row> ROW = (rs, n) -> {
        String schema = rs.getString("schema_name");
        String countries = rs.getString("countries");
        return new BatchFile.Row(rs.getInt("row_no"), rs.getString("location"), rs.getString("row_id"), rs.getString("name"),
                schema == null ? null : Schema.fromFtm(schema).orElse(null),
                countries == null || countries.isEmpty() ? List.of() : Arrays.asList(countries.split(";")),
                rs.getString("birth_date"));
    };

    /** A row's candidate as held, to compare with what a list's new version finds. */
    record Held(int rowNo, String sourceId, String entityName, boolean match, boolean closed) {
    }

    /** A batch's candidates from one list. */
    List<Held> candidates(long id, String list) {
        return jdbc.sql("SELECT row_no, source_id, entity_name, is_match, closed_on FROM desk_batch_candidate WHERE screening_id = :id AND list_key = :l")
                .param("id", id).param("l", list).query((rs, n) -> new Held(rs.getInt("row_no"), rs.getString("source_id"),
                        rs.getString("entity_name"), rs.getBoolean("is_match"), rs.getDate("closed_on") != null)).list();
    }

    /** A match a watched batch's row now has: a candidate it held (a near miss, or closed) becomes it, else it is added after the others. */
    void matchFound(long id, int rowNo, Hit h, boolean cleared) {
        int updated = jdbc.sql("""
                UPDATE desk_batch_candidate SET is_match = TRUE, closed_on = NULL, cleared = :cleared, score = :score, explanation = :explanation,
                       entity_name = :entity, matched_name = :matched, version_id = :version, content_sha = :sha, category = :category
                WHERE screening_id = :id AND row_no = :row AND list_key = :l AND source_id = :s""")
                .param("cleared", cleared).param("score", h.score()).param("explanation", h.explanation())
                .param("entity", h.entityName()).param("matched", h.matchedName()).param("version", h.versionId())
                .param("sha", h.contentSha()).param("category", h.category())
                .param("id", id).param("row", rowNo).param("l", h.list()).param("s", h.sourceId()).update();
        if (updated > 0) {
            return;
        }
        int rank = jdbc.sql("SELECT COALESCE(MAX(cand_rank), 0) + 1 FROM desk_batch_candidate WHERE screening_id = :id AND row_no = :row")
                .param("id", id).param("row", rowNo).query(Integer.class).single();
        template.update("""
                INSERT INTO desk_batch_candidate (screening_id, row_no, cand_rank, list_key, source_id, category, entity_name,
                                                  matched_name, score, is_match, cleared, explanation, programs, listed_on,
                                                  version_id, content_sha)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?)""",
                id, rowNo, rank, h.list(), h.sourceId(), h.category(), h.entityName(), h.matchedName(), h.score(), cleared,
                h.explanation(), h.programs() == null ? null : String.join(";", h.programs()),
                h.listedOn() == null ? null : Date.valueOf(h.listedOn()), h.versionId(), h.contentSha());
    }

    /** A match a watched batch's row no longer has (its entry removed or delisted): kept, closed on that date. */
    void matchClosed(long id, int rowNo, String list, String sourceId, java.time.LocalDate on) {
        jdbc.sql("""
                UPDATE desk_batch_candidate SET closed_on = :on
                WHERE screening_id = :id AND row_no = :row AND list_key = :l AND source_id = :s AND closed_on IS NULL""")
                .param("on", Date.valueOf(on)).param("id", id).param("row", rowNo).param("l", list).param("s", sourceId).update();
    }

    /**
     * Counts a finished batch's rows with hits and with candidates again (closed ones left out), and its
     * log entry's summary with them, after a watched batch's re-screening changed them.
     */
    void recount(long id) {
        jdbc.sql("""
                UPDATE desk_batch SET
                  rows_with_hits = (SELECT COUNT(DISTINCT row_no) FROM desk_batch_candidate
                                    WHERE screening_id = :id AND is_match = TRUE AND closed_on IS NULL),
                  rows_with_candidates = (SELECT COUNT(DISTINCT row_no) FROM desk_batch_candidate WHERE screening_id = :id AND closed_on IS NULL)
                WHERE screening_id = :id""").param("id", id).update();
        summarise(id);
    }

    /** Records the candidates of some rows, marks them screened and counts them (the caller's transaction). */
    void screened(long id, List<Integer> rowNos, List<Found> found, int withHits, int withCandidates, Instant now) {
        List<Object[]> args = new ArrayList<>();
        for (Found f : found) {
            Hit h = f.hit();
            args.add(new Object[] {id, f.rowNo(), f.rank(), h.list(), h.sourceId(), h.category(), h.entityName(), h.matchedName(),
                    h.score(), f.match(), f.cleared(), h.explanation(), h.programs() == null ? null : String.join(";", h.programs()),
                    h.listedOn() == null ? null : Date.valueOf(h.listedOn()), h.versionId(), h.contentSha()});
        }
        if (!args.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO desk_batch_candidate (screening_id, row_no, cand_rank, list_key, source_id, category, entity_name,
                                                      matched_name, score, is_match, cleared, explanation, programs, listed_on,
                                                      version_id, content_sha)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
        }
        template.batchUpdate("UPDATE desk_batch_row SET screened = TRUE WHERE screening_id = ? AND row_no = ?",
                rowNos.stream().map(r -> new Object[] {id, r}).toList());
        jdbc.sql("""
                UPDATE desk_batch SET rows_done = rows_done + :done, rows_with_hits = rows_with_hits + :hits,
                       rows_with_candidates = rows_with_candidates + :cands, heartbeat_at = :now
                WHERE screening_id = :id""")
                .param("done", rowNos.size()).param("hits", withHits).param("cands", withCandidates).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void finish(long id, Instant now) {
        jdbc.sql("UPDATE desk_batch SET state = 'DONE', finished_at = :now WHERE screening_id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
        summarise(id);
    }

    /** The log entry's summary of a done batch: rows with hits count as its results. */
    private void summarise(long id) {
        jdbc.sql("""
                UPDATE desk_screening SET result_count = (SELECT rows_with_hits FROM desk_batch WHERE screening_id = :id),
                       outcome = CASE WHEN (SELECT rows_with_hits FROM desk_batch WHERE screening_id = :id) > 0
                                      THEN 'POTENTIAL_MATCH' ELSE 'NO_HITS' END
                WHERE id = :id""").param("id", id).update();
    }

    /** Marks a batch failed, and its log entry's outcome with it (the log, its filters and exports show it failed). */
    void fail(long id, String why, Instant now) {
        jdbc.sql("UPDATE desk_batch SET state = 'FAILED', failure = :why, finished_at = :now WHERE screening_id = :id")
                .param("why", why).param("now", Timestamp.from(now)).param("id", id).update();
        jdbc.sql("""
                UPDATE desk_screening SET result_count = (SELECT rows_with_hits FROM desk_batch WHERE screening_id = :id),
                       outcome = 'FAILED'
                WHERE id = :id""").param("id", id).update();
    }

    /** Result lines of the rows after {@code afterRow} up to {@code upToRow}, in row and rank order. */
    List<BatchResultRow> results(long id, int afterRow, int upToRow) {
        return jdbc.sql("""
                SELECT r.row_no, r.location, r.row_id, r.name, r.schema_name, r.countries, r.birth_date,
                       c.cand_rank, c.list_key, c.source_id, c.category, c.entity_name, c.matched_name, c.score, c.is_match, c.cleared,
                       c.explanation, c.programs, c.listed_on, c.version_id, c.closed_on
                FROM desk_batch_row r LEFT JOIN desk_batch_candidate c ON c.screening_id = r.screening_id AND c.row_no = r.row_no
                WHERE r.screening_id = :id AND r.row_no > :after AND r.row_no <= :upTo
                ORDER BY r.row_no, c.cand_rank""")
                .param("id", id).param("after", afterRow).param("upTo", upToRow).query((rs, n) -> {
                    String countries = rs.getString("countries");
                    String programs = rs.getString("programs");
                    Date listed = rs.getDate("listed_on");
                    Date closed = rs.getDate("closed_on");
                    boolean has = rs.getString("list_key") != null;
                    return new BatchResultRow(rs.getInt("row_no"), rs.getString("location"), rs.getString("row_id"), rs.getString("name"),
                            rs.getString("schema_name"), countries == null || countries.isEmpty() ? List.of() : Arrays.asList(countries.split(";")),
                            rs.getString("birth_date"), has ? rs.getInt("cand_rank") : null, rs.getString("list_key"), rs.getString("source_id"),
                            rs.getString("category"), rs.getString("entity_name"), rs.getString("matched_name"),
                            has ? rs.getDouble("score") : null, has ? rs.getBoolean("is_match") : null, has ? rs.getBoolean("cleared") : null,
                            rs.getString("explanation"), programs == null || programs.isEmpty() ? List.of() : Arrays.asList(programs.split(";")),
                            listed == null ? null : listed.toLocalDate(), has ? rs.getLong("version_id") : null,
                            closed == null ? null : closed.toLocalDate());
                }).list();
    }

    /** Whether a screening is a batch. */
    boolean isBatch(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM desk_batch WHERE screening_id = :id").param("id", id).query(Integer.class).single() > 0;
    }
}
