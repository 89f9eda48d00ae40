package db.migration;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Seeds what a new installation starts with, from the documents under {@code defaults/} on the
 * class path (readable there, and documented in the README): the research-area taxonomy, the two
 * country lists (version 1 each) and the default policy (version 1). Runs once, in the migration's
 * transaction, so several instances starting together cannot seed twice.
 */
public class V2__Reference_data extends BaseJavaMigration {
    private static final String BY = "scrutiny (default)";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Timestamp now = Timestamp.from(Instant.now());
        try (Reader in = reader("research-areas.csv");
             PreparedStatement ps = c.prepareStatement("INSERT INTO research_area (code, name, sensitive, source) VALUES (?, ?, ?, ?)")) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                ps.setString(1, r.get("code"));
                ps.setString(2, r.get("name"));
                ps.setBoolean(3, Boolean.parseBoolean(r.get("sensitive")));
                ps.setString(4, r.get("source"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        JsonMapper json = JsonMapper.builder().build();
        JsonNode lists = json.readTree(text("country-lists.json"));
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO country_list_version (list_key, version, document, note, revisit_by, recorded_at, recorded_by)
                VALUES (?, 1, ?, ?, NULL, ?, ?)""")) {
            for (var e : lists.properties()) {
                ps.setString(1, e.getKey());
                ps.setString(2, json.writeValueAsString(e.getValue().get("countries")));
                ps.setString(3, e.getValue().get("note").asString());
                ps.setTimestamp(4, now);
                ps.setString(5, BY);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertPolicy(c, json.writeValueAsString(json.readTree(text("policy.json"))), now);
    }

    private static void insertPolicy(Connection c, String document, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO policy_version (version, document, note, recorded_at, recorded_by) VALUES (1, ?, ?, ?, ?)")) {
            ps.setString(1, document);
            ps.setString(2, "Scrutiny's default policy");
            ps.setTimestamp(3, now);
            ps.setString(4, BY);
            ps.executeUpdate();
        }
    }

    private static Reader reader(String name) throws IOException {
        return new InputStreamReader(open(name), StandardCharsets.UTF_8);
    }

    private static String text(String name) throws IOException {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = V2__Reference_data.class.getResourceAsStream("/defaults/" + name);
        if (in == null) {
            throw new IOException("defaults/" + name + " is missing from the class path");
        }
        return in;
    }
}
