package edu.scrutiny.app.lists.internal;

import edu.scrutiny.app.lists.StoredEntry;
import edu.scrutiny.app.lists.StoredEntryRow;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.lists.VersionChange;
import edu.scrutiny.lists.ListDiff;
import edu.scrutiny.lists.ListEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** List versions and their entries in {@code screening_list}, {@code list_version} and {@code list_entry}. */
@Repository
public class ListRepository {
    private static final int BATCH = 1_000;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ListRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Creates the list's row if it is new, then locks it for the rest of the transaction. */
    public void lockList(String listKey, String category, Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM screening_list WHERE list_key = :k").param("k", listKey).query(Integer.class).single() == 0) {
            jdbc.sql("INSERT INTO screening_list (list_key, category, enabled, created_at) VALUES (:k, :c, TRUE, :at)")
                    .param("k", listKey).param("c", category).param("at", Timestamp.from(now)).update();
        }
        jdbc.sql("SELECT list_key FROM screening_list WHERE list_key = :k FOR UPDATE").param("k", listKey).query(String.class).single();
    }

    public long insertVersion(String listKey, String format, String category, String source, String sha256,
                              Instant retrievedAt, LocalDate effectiveFrom, int entries, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO list_version (list_key, format, category, source, sha256, retrieved_at, effective_from, entries, imported_at)
                VALUES (:k, :f, :c, :s, :sha, :r, :e, :n, :at)""")
                .param("k", listKey).param("f", format).param("c", category).param("s", source).param("sha", sha256)
                .param("r", Timestamp.from(retrievedAt)).param("e", effectiveFrom).param("n", entries)
                .param("at", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Writes entries in batches, inside the import's transaction; returns their content hashes, in the entries' order. */
    public List<String> insertEntries(long versionId, List<ListEntry> entries, Consumer<Integer> progress) {
        List<Object[]> batch = new ArrayList<>(BATCH);
        List<String> hashes = new ArrayList<>(entries.size());
        int done = 0;
        for (ListEntry e : entries) {
            String json = EntryCodec.toJson(e);
            String sha = EntryCodec.sha256(json);
            hashes.add(sha);
            batch.add(new Object[] {versionId, e.sourceId(), e.name(),
                    e.listedOn() == null ? null : Date.valueOf(e.listedOn()),
                    e.delistedOn() == null ? null : Date.valueOf(e.delistedOn()),
                    sha, json});
            if (batch.size() == BATCH) {
                flush(batch);
                done += BATCH;
                progress.accept(done);
            }
        }
        flush(batch);
        return hashes;
    }

    private void flush(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO list_entry (version_id, source_id, name, listed_on, delisted_on, content_sha, document)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", batch);
            batch.clear();
        }
    }

    /** Records what a version changed, in the import's transaction. */
    public void insertChanges(long versionId, ListDiff diff) {
        List<Object[]> rows = new ArrayList<>();
        diff.added().forEach(e -> rows.add(new Object[] {versionId, e.sourceId(), "ADDED"}));
        diff.changed().forEach(c -> rows.add(new Object[] {versionId, c.after().sourceId(), "CHANGED"}));
        diff.removed().forEach(e -> rows.add(new Object[] {versionId, e.sourceId(), "REMOVED"}));
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate("INSERT INTO list_version_change (version_id, source_id, change_kind) VALUES (?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    public VersionChange changes(long versionId) {
        List<StoredEntry> added = new ArrayList<>();
        List<StoredEntry> changed = new ArrayList<>();
        jdbc.sql("""
                SELECT c.change_kind, e.document, e.content_sha FROM list_version_change c
                JOIN list_entry e ON e.version_id = c.version_id AND e.source_id = c.source_id
                WHERE c.version_id = :v AND c.change_kind IN ('ADDED', 'CHANGED')""")
                .param("v", versionId)
                .query((rs, n) -> {
                    StoredEntry se = new StoredEntry(versionId, EntryCodec.fromJson(rs.getString(2)), rs.getString(3));
                    ("ADDED".equals(rs.getString(1)) ? added : changed).add(se);
                    return null;
                }).list();
        List<String> removed = jdbc.sql("SELECT source_id FROM list_version_change WHERE version_id = :v AND change_kind = 'REMOVED'")
                .param("v", versionId).query(String.class).list();
        // the changed entries as the version compared with (the one before in effect order) had them
        Map<String, ListEntry> before = new HashMap<>();
        previousVersionId(versionId).ifPresent(previous -> jdbc.sql("""
                SELECT p.document FROM list_version_change c
                JOIN list_entry p ON p.version_id = :p AND p.source_id = c.source_id
                WHERE c.version_id = :v AND c.change_kind = 'CHANGED'""")
                .param("v", versionId).param("p", previous)
                .query(rs -> {
                    ListEntry e = EntryCodec.fromJson(rs.getString(1));
                    before.put(e.sourceId(), e);
                }));
        return new VersionChange(versionId, added, changed, removed, before);
    }

    /** The version an import compared a version with: the one before it in effect order (effective date, then id). */
    private Optional<Long> previousVersionId(long versionId) {
        return jdbc.sql("""
                SELECT p.id FROM list_version v JOIN list_version p ON p.list_key = v.list_key
                WHERE v.id = :v AND (p.effective_from < v.effective_from OR (p.effective_from = v.effective_from AND p.id < v.id))
                ORDER BY p.effective_from DESC, p.id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("v", versionId).query(Long.class).optional();
    }

    public Optional<StoredListVersion> version(long id) {
        return jdbc.sql("SELECT * FROM list_version WHERE id = :id").param("id", id).query(VERSION).optional();
    }

    /** A list's versions in the order they take effect (effective date, then import order). */
    public List<StoredListVersion> versions(String listKey) {
        return jdbc.sql("SELECT * FROM list_version WHERE list_key = :k ORDER BY effective_from, id")
                .param("k", listKey).query(VERSION).list();
    }

    public List<StoredListVersion> allVersions() {
        return jdbc.sql("SELECT * FROM list_version ORDER BY list_key, effective_from, id").query(VERSION).list();
    }

    public List<String> listKeys() {
        return jdbc.sql("SELECT list_key FROM screening_list ORDER BY list_key").query(String.class).list();
    }

    public Optional<String> listCategory(String listKey) {
        return jdbc.sql("SELECT category FROM screening_list WHERE list_key = :k").param("k", listKey).query(String.class).optional();
    }

    public boolean enabled(String listKey) {
        return jdbc.sql("SELECT enabled FROM screening_list WHERE list_key = :k").param("k", listKey).query(Boolean.class)
                .optional().orElse(false);
    }

    public void streamEntries(long versionId, Consumer<StoredEntry> sink) {
        streamEntryRows(versionId, row -> sink.accept(row.decoded()));
    }

    /** A version's entries in the order they were stored, their documents not yet decoded. */
    public void streamEntryRows(long versionId, Consumer<StoredEntryRow> sink) {
        // the stream holds a connection until closed: outside a transaction, not closing it leaks one per call
        try (java.util.stream.Stream<StoredEntryRow> entries = jdbc.sql(
                        "SELECT source_id, content_sha, document FROM list_entry WHERE version_id = :v ORDER BY id")
                .param("v", versionId)
                .query((rs, n) -> new StoredEntryRow(versionId, rs.getString(1), rs.getString(2), rs.getString(3)))
                .stream()) {
            entries.forEach(sink);
        }
    }

    public List<StoredEntry> entries(long versionId, long offset, int limit) {
        return jdbc.sql("SELECT document, content_sha FROM list_entry WHERE version_id = :v ORDER BY id"
                        + " OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .param("v", versionId).param("o", offset).param("l", limit)
                .query((rs, n) -> new StoredEntry(versionId, EntryCodec.fromJson(rs.getString(1)), rs.getString(2)))
                .list();
    }

    /** A fingerprint of what is stored: changes whenever a version is added (by any instance). */
    public String fingerprint() {
        return jdbc.sql("SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) FROM list_version").query(String.class).single()
                + "/" + jdbc.sql("SELECT COUNT(*) FROM screening_list WHERE enabled").query(Integer.class).single();
    }

    private static final RowMapper<StoredListVersion> VERSION = (rs, n) -> new StoredListVersion(
            rs.getLong("id"), rs.getString("list_key"), rs.getString("format"), rs.getString("category"),
            rs.getString("source"), rs.getString("sha256").trim(), rs.getTimestamp("retrieved_at").toInstant(),
            rs.getObject("effective_from", LocalDate.class), rs.getInt("entries"),
            rs.getTimestamp("imported_at").toInstant());
}
