package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.monitoring.ListSources;
import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server in a child process ({@code scrutiny serve}, the same classes as the jar): SIGTERM in
 * the middle of a list import leaves it done or not begun; its log lines are JSON with a request id
 * when {@code SCRUTINY_LOG_JSON=true}; {@code scrutiny backup} goes through it while it holds the
 * data directory, and {@code scrutiny restore} brings the demo's data back whole into an empty
 * directory. On PostgreSQL the same round trip with pg_dump and pg_restore.
 */
class ServerProcessTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BIG = 20_000;

    @TempDir
    Path temp;

    /** The child's class path: this test's, without the test classes (their quiet logging among them). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    }

    private static ProcessBuilder scrutiny(Map<String, String> env, String... args) {
        // the application's own logging configuration, whatever the class path holds (the test's quiet one)
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", classPath(), "-Dlogging.config=classpath:logback-spring.xml", "edu.scrutiny.app.cli.ScrutinyCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb;
    }

    /** What the seeded demo holds, table by table, for comparing a restored copy with it. */
    private static Map<String, Long> counts(Connection c) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : List.of("engagement", "review_case", "list_version", "list_entry", "directive", "audit_log", "app_user", "list_source")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                out.put(table, rs.getLong(1));
            }
        }
        return out;
    }

    private static Map<String, Long> h2Counts(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(DataSession.h2Url(dir), "sa", "")) {
            return counts(c);
        }
    }

    @Test
    void sigtermDuringAnImportLeavesItDoneOrNotBegunAndBackupRestoreRoundTripsTheDemo() throws Exception {
        Path demo = temp.resolve("demo");
        CliRun seeded = CliRun.of("demo", "--no-serve", "--dir", demo.toString());
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        Path data = demo.resolve("data");
        // a server's list sources read local files only from the import directory (DATA/imports)
        Path watchlist = Files.createDirectories(data.resolve("imports")).resolve("watchlist.csv");
        Files.copy(Scenarios.path("monitoring/2017-03-29/us_bis_entity_list.csv"), watchlist);
        String adminToken;
        try (DataSession s = DataSession.open(data)) {
            s.bean(Users.class).add("ops-admin", null, null, Set.of(Role.ADMINISTRATOR), null, "test");
            adminToken = s.bean(ApiTokens.class).create("ops-admin", "backup", "test").secret();
            // a source refreshed from a local file: the backup must carry the file
            s.bean(ListSources.class).add("us_bis_entity_list", watchlist.toString(), Duration.ofDays(1), null);
            s.succeeded();
        }
        Map<String, Long> before = h2Counts(data);
        assertThat(before.get("engagement")).isEqualTo(8);

        // time enough for the import in flight to finish on a loaded machine
        // stderr to a file, read once the server has exited: nothing it logged while stopping is lost
        Path stderr = temp.resolve("server.log");
        Process server = scrutiny(Map.of("SCRUTINY_LOG_JSON", "true", "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "120s"),
                "--data", data.toString(), "serve", "--port", "0").redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the server started; its log: %s", Files.readString(stderr)).startsWith("Scrutiny is running at ");
            String url = line.substring("Scrutiny is running at ".length()).split(" ")[0];
            assertThat(data.resolve(ServeCommand.SERVER_FILE)).content().contains(url);

            // backup while the server holds the directory: through it, with the administrator's token
            Path backup = temp.resolve("backup.zip");
            CliRun refused = CliRun.of("--data", data.toString(), "backup", "--out", backup.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("--token");
            CliRun backedUp = CliRun.of("--data", data.toString(), "backup", "--out", backup.toString(), "--token", adminToken);
            assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
            assertThat(backedUp.out()).contains("through the server at " + url);

            // SIGTERM while a large list is being imported
            StringBuilder csv = new StringBuilder("id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n");
            for (int i = 0; i < BIG; i++) {
                csv.append("w-").append(i).append(",Watched Trading Company Number ").append(i).append(",,Company,CN,Watchlist,2020-01-01,,,,,\n");
            }
            String boundary = "shutdown-boundary";
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"my_watchlist.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            CompletableFuture<HttpResponse<String>> importing = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(url + "api/lists/import?effective=2020-01-01"))
                            .header("Authorization", "Bearer " + adminToken).header("X-Request-Id", "import-under-sigterm")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(400);
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(180, TimeUnit.SECONDS)).as("the server exits").isTrue();
            List<String> log = Files.readAllLines(stderr);
            HttpResponse<String> response = null;
            try {
                response = importing.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException refusedAfterStop) {
                // the request reached the server too late: it was refused, and nothing may have been imported
            }
            long versions;
            long entries;
            try (Connection c = DriverManager.getConnection(DataSession.h2Url(data), "sa", "");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(entries), 0) FROM list_version WHERE list_key = 'my_watchlist'")) {
                rs.next();
                versions = rs.getLong(1);
                entries = rs.getLong(2);
            }
            // done whole or not begun, never half; and done when the server said so
            assertThat(versions).isBetween(0L, 1L);
            assertThat(entries).as("never half an import").isIn(0L, (long) BIG);
            if (response != null && response.statusCode() == 201) {
                assertThat(versions).as("the import in flight finished").isEqualTo(1);
            } else if (response != null) {
                assertThat(versions).as("answered %s: not begun", response.statusCode()).isZero();
            }
            assertThat(data.resolve(ServeCommand.SERVER_FILE)).as("the server's address file is gone").doesNotExist();
            // JSON lines with the correlation id
            List<JsonNode> json = log.stream().filter(l -> l.startsWith("{")).map(JSON::readTree).toList();
            assertThat(json).as("log: %s", log).hasSizeGreaterThan(2);
            assertThat(log.stream().filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.* (INFO|WARN|ERROR) .*")))
                    .as("no plain log line").isEmpty();
            assertThat(json).as("the backup request's line, with its correlation id").anySatisfy(j -> {
                assertThat(j.path("message").asString()).startsWith("POST /api/admin/backup 200 ");
                assertThat(j.path("request_id").asString()).isNotBlank();
            });
            System.err.println("ServerProcessTest: the import under SIGTERM was answered "
                    + (response == null ? "nothing" : response.statusCode()) + "; versions stored: " + versions);

            // restore into an empty directory: the demo's data, the audit trail intact, the source's file carried
            Path restored = temp.resolve("restored");
            CliRun back = CliRun.of("--data", restored.toString(), "restore", backup.toString());
            assertThat(back.exitCode()).as(back.err()).isZero();
            assertThat(back.out()).contains("audit trail verified");
            assertThat(h2Counts(restored)).isEqualTo(before);
            CliRun verify = CliRun.of("--data", restored.toString(), "audit", "verify");
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            try (DataSession s = DataSession.open(restored)) {
                String location = s.bean(ListSources.class).find("us_bis_entity_list").orElseThrow().location();
                assertThat(Path.of(location)).startsWith(restored).hasSameBinaryContentAs(watchlist);
                assertThat(s.bean(AuditLog.class).verify().intact()).isTrue();
                assertThat(s.bean(ListCatalog.class).lists()).isNotEmpty();
                s.succeeded();
            }
            CliRun again = CliRun.of("--data", restored.toString(), "restore", backup.toString());
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("not empty");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
    void onPostgresPgDumpAndPgRestoreRoundTripTheDemo() throws Exception {
        String source = TestPostgres.freshDatabase();
        String target = TestPostgres.freshDatabase();
        Process demo = scrutiny(Map.of("SPRING_DATASOURCE_URL", source), "demo", "--no-serve", "--dir", temp.resolve("demo").toString())
                .redirectErrorStream(true).start();
        String demoOut = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(demo.waitFor()).as(demoOut).isZero();
        Path dump = temp.resolve("scrutiny.dump");
        // the commands docs/operations.md gives
        run("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + libpq(source));
        run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(target), dump.toString());
        Map<String, Long> before;
        Map<String, Long> after;
        try (Connection a = DriverManager.getConnection(source); Connection b = DriverManager.getConnection(target)) {
            before = counts(a);
            after = counts(b);
        }
        assertThat(before.get("engagement")).isEqualTo(8);
        assertThat(after).isEqualTo(before);
        Process verify = scrutiny(Map.of("SPRING_DATASOURCE_URL", target), "--data", temp.resolve("unused").toString(), "audit", "verify")
                .redirectErrorStream(true).start();
        String verified = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(verified).isZero();
    }

    /** jdbc:postgresql://HOST:PORT/DB?user=U as libpq's postgresql://U@HOST:PORT/DB. */
    private static String libpq(String jdbc) {
        URI u = URI.create(jdbc.substring("jdbc:".length()));
        String user = u.getQuery() == null ? "" : Arrays.stream(u.getQuery().split("&")).filter(p -> p.startsWith("user="))
                .map(p -> p.substring(5) + "@").findFirst().orElse("");
        return "postgresql://" + user + u.getHost() + ":" + u.getPort() + u.getPath();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
