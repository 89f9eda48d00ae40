package edu.scrutiny.app.institutions.internal;

import edu.scrutiny.app.institutions.InstitutionsVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** ROR versions, the records of the version in force, and their names by key ({@code ror_version}, {@code ror_record}, {@code ror_name}). */
@Repository
public class InstitutionRepository {
    /** A record as stored: the columns queries read, and the whole record as JSON. */
    public record Row(String rorId, String displayName, String status, String countries, String document, List<String> nameKeys) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    InstitutionRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Makes concurrent imports (from any instance) take turns; held until the transaction ends. */
    public void lockForImport() {
        jdbc.sql("SELECT id FROM ror_import_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    public Optional<InstitutionsVersion> latest() {
        return jdbc.sql("SELECT * FROM ror_version ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").query(VERSION).optional();
    }

    public List<InstitutionsVersion> versions() {
        return jdbc.sql("SELECT * FROM ror_version ORDER BY id").query(VERSION).list();
    }

    public long insertVersion(String source, String sha256, Instant at, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ror_version (source, sha256, records, imported_at, imported_by) VALUES (:s, :sha, 0, :at, :by)")
                .param("s", source).param("sha", sha256).param("at", Timestamp.from(at)).param("by", by)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void setRecordCount(long versionId, int records) {
        jdbc.sql("UPDATE ror_version SET records = :n WHERE id = :id").param("n", records).param("id", versionId).update();
    }

    public void setSha256(long versionId, String sha256) {
        jdbc.sql("UPDATE ror_version SET sha256 = :s WHERE id = :id").param("s", sha256).param("id", versionId).update();
    }

    /** Writes a batch of records with their name keys; called inside the import's transaction. */
    public void insertRecords(long versionId, List<Row> rows) {
        List<Object[]> records = new ArrayList<>(rows.size());
        List<Object[]> names = new ArrayList<>();
        for (Row r : rows) {
            records.add(new Object[] {versionId, r.rorId(), r.displayName(), r.status(), r.countries(), r.document()});
            for (String key : r.nameKeys()) {
                names.add(new Object[] {versionId, r.rorId(), key});
            }
        }
        template.batchUpdate("INSERT INTO ror_record (version_id, ror_id, display_name, status, countries, document) VALUES (?, ?, ?, ?, ?, ?)", records);
        template.batchUpdate("INSERT INTO ror_name (version_id, ror_id, name_key) VALUES (?, ?, ?)", names);
    }

    /** Removes the records of every version but this one (the versions themselves stay, as history). */
    public void removeRecordsOtherThan(long versionId) {
        jdbc.sql("DELETE FROM ror_name WHERE version_id <> :v").param("v", versionId).update();
        jdbc.sql("DELETE FROM ror_record WHERE version_id <> :v").param("v", versionId).update();
    }

    /** The stored JSON of a record of a version. */
    public Optional<String> document(long versionId, String rorId) {
        return jdbc.sql("SELECT document FROM ror_record WHERE version_id = :v AND ror_id = :id")
                .param("v", versionId).param("id", rorId).query(String.class).optional();
    }

    /** The stored JSON of the records of a version among these ids. */
    public List<String> documents(long versionId, Collection<String> rorIds) {
        if (rorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT document FROM ror_record WHERE version_id = :v AND ror_id IN (:ids) ORDER BY ror_id")
                .param("v", versionId).param("ids", rorIds).query(String.class).list();
    }

    /** The ids of the records of a version with a name of this key. */
    public List<String> idsByNameKey(long versionId, String key) {
        return jdbc.sql("SELECT DISTINCT ror_id FROM ror_name WHERE version_id = :v AND name_key = :k ORDER BY ror_id")
                .param("v", versionId).param("k", key).query(String.class).list();
    }

    /**
     * The ids of the records of a version with a name whose key begins with {@code prefix}, those whose
     * matching name comes first alphabetically first (the intake form's suggestions).
     */
    public List<String> idsByNameKeyPrefix(long versionId, String prefix, int limit) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT ror_id FROM ror_name WHERE version_id = :v AND name_key LIKE :p ESCAPE '\\'"
                        + " GROUP BY ror_id ORDER BY MIN(name_key), ror_id FETCH FIRST :l ROWS ONLY")
                .param("v", versionId).param("p", pattern).param("l", limit).query(String.class).list();
    }

    /** A page of a version's records, by id. */
    public List<String> page(long versionId, int offset, int limit) {
        return jdbc.sql("SELECT document FROM ror_record WHERE version_id = :v ORDER BY ror_id OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .param("v", versionId).param("o", offset).param("l", limit).query(String.class).list();
    }

    private static final RowMapper<InstitutionsVersion> VERSION = (rs, n) -> new InstitutionsVersion(rs.getLong("id"),
            rs.getString("source"), rs.getString("sha256").trim(), rs.getInt("records"),
            rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"));
}
