package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * Gives a database made before ownership rules existed the defaults (issue 12): the current policy
 * gains {@code ownership_rules} and the two red-flag rules ({@code LISTED_MINORITY_OWNER},
 * {@code LISTED_CONTROLLER}) from {@code defaults/policy.json}, recorded as a new policy version so
 * that the history shows when and why. A policy that already has ownership rules (a new database
 * seeded from the current defaults by V2) is left as it is.
 */
public class V8_12__Ownership_rules extends BaseJavaMigration {
    private static final Set<String> RED_FLAGS = Set.of("LISTED_MINORITY_OWNER", "LISTED_CONTROLLER");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        JsonMapper json = JsonMapper.builder().build();
        int version;
        ObjectNode current;
        try (PreparedStatement ps = c.prepareStatement("SELECT version, document FROM policy_version ORDER BY version DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            version = rs.getInt(1);
            current = (ObjectNode) json.readTree(rs.getString(2));
        }
        if (current.has("ownership_rules")) {
            return;
        }
        JsonNode defaults;
        try (InputStream in = V8_12__Ownership_rules.class.getResourceAsStream("/defaults/policy.json")) {
            defaults = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ArrayNode rules = current.has("rules") ? (ArrayNode) current.get("rules") : current.putArray("rules");
        for (JsonNode r : defaults.get("rules")) {
            String code = r.get("code").asString();
            boolean present = false;
            for (JsonNode existing : rules) {
                present |= existing.path("code").asString("").equals(code);
            }
            if (RED_FLAGS.contains(code) && !present) {
                rules.add(r.deepCopy());
            }
        }
        current.set("ownership_rules", defaults.get("ownership_rules").deepCopy());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO policy_version (version, document, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, version + 1);
            ps.setString(2, json.writeValueAsString(current));
            ps.setString(3, "Ownership rules (OFAC 50 Percent Rule, BIS Affiliates Rule) and the listed-owner and listed-controller red flags added at upgrade");
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setString(5, "scrutiny (migration V8.12)");
            ps.executeUpdate();
        }
    }
}
