package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit verify} and {@code audit export} on a data directory the commands filled, and
 * verify again after the H2 file's {@code audit_log} was tampered with directly.
 */
class AuditCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    private CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as("%s%n%s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private void seed() {
        ok("lists", "import", Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv").toString(),
                "--effective", "2019-04-01", "--category", "export_control");
        ok("lists", "import", Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv").toString(),
                "--effective", "2019-06-01", "--category", "export_control");
        ok("directives", "import", Scenarios.path("directives.yaml").toString());
        ok("engagements", "submit", Scenarios.path("engagements/huawei-2019-06-01.json").toString());
    }

    /** Runs SQL on the data directory's H2 file, as someone with the file (and no Scrutiny) could. */
    private void tamper(String sql) throws SQLException {
        String url = "jdbc:h2:file:" + data().toAbsolutePath().resolve("scrutiny")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void verifyHoldsUntilTheTableIsTamperedWith() throws Exception {
        CliRun empty = ok("audit", "verify");
        assertThat(empty.out().strip()).isEqualTo("audit trail intact: 0 records");

        seed();
        CliRun verified = ok("audit", "verify");
        assertThat(verified.out().strip()).isEqualTo("audit trail intact: 7 records");
        assertThat(verified.err()).isEmpty();

        tamper("UPDATE audit_log SET after_doc = '{\"tier\":\"STANDARD\"}' WHERE seq = 5");
        CliRun altered = run("audit", "verify");
        assertThat(altered.exitCode()).isEqualTo(1);
        assertThat(altered.out()).isEmpty();
        assertThat(altered.err().strip()).isEqualTo("audit trail broken at record 5: altered: its content does not match its hash");

        tamper("DELETE FROM audit_log WHERE seq = 2");
        CliRun removed = run("audit", "verify");
        assertThat(removed.exitCode()).isEqualTo(1);
        assertThat(removed.err().strip()).isEqualTo(
                "audit trail broken at record 3: removed: its prev_hash is not the hash of record 1, the one before it; record 2 is missing");
    }

    @Test
    void reorderedRecordsAreFound() throws Exception {
        seed();
        tamper("UPDATE audit_log SET seq = -1 WHERE seq = 3");
        tamper("UPDATE audit_log SET seq = 3 WHERE seq = 4");
        tamper("UPDATE audit_log SET seq = 4 WHERE seq = -1");
        CliRun reordered = run("audit", "verify");
        assertThat(reordered.exitCode()).isEqualTo(1);
        assertThat(reordered.err()).startsWith("audit trail broken at record 3: altered or reordered");
    }

    @Test
    void exportWritesJsonLines() throws Exception {
        seed();
        CliRun stdout = ok("audit", "export");
        List<String> lines = stdout.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(stdout.err()).contains("exported 7 records");
        String prev = "0".repeat(64);
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            // the case the submission opens is the system's doing
            assertThat(r.get("actor").asString()).isEqualTo(r.get("action").asString().startsWith("case.")
                    || r.get("action").asString().equals("engagement.status_changed") ? "system" : "command line");
            assertThat(r.get("prev_hash").asString()).isEqualTo(prev);
            prev = r.get("hash").asString();
        }
        assertThat(lines).extracting(l -> JSON.readTree(l).get("action").asString()).containsExactly(
                "list.imported", "list.imported", "directive.imported", "engagement.submitted", "assessment.recorded",
                "case.opened", "engagement.status_changed");
        JsonNode submitted = JSON.readTree(lines.get(3));
        assertThat(submitted.get("object_id").asString()).isEqualTo("ENG-000001");
        assertThat(submitted.at("/after/engagement/title").asString()).isEqualTo("Sponsored research agreement: 5G antenna arrays");

        Path file = tmp.resolve("audit.jsonl");
        CliRun toFile = ok("audit", "export", "--out", file.toString());
        assertThat(toFile.out()).isEmpty();
        assertThat(toFile.err()).contains("exported 7 records to " + file);
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "audit.jsonl");
        }

        CliRun missingDir = run("audit", "export", "--out", tmp.resolve("no/such/dir/audit.jsonl").toString());
        assertThat(missingDir.exitCode()).isEqualTo(1);
        assertThat(missingDir.err()).startsWith("error: ").contains("does not exist");
    }
}
