package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import is atomic: a process killed while it writes a version, or a second import started
 * while one runs, leaves the previous version in force and the database consistent. The imports
 * run as separate JVMs, as a user's would, and are killed for real.
 */
class ImportAtomicityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** A Scrutiny CSV of the Entity List with many generated entries, so that writing it takes seconds. */
    private Path bigList(int rows) throws IOException {
        Path file = tmp.resolve("big").resolve("us_bis_entity_list.csv");
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n");
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "gen-%d,Generated Trading Company %d Ltd.,GTC %d,Company,CN,Entity List,2020-01-01,,,,,generated for the test%n", i, i, i));
            }
        }
        return file;
    }

    /** Starts the command line in a new JVM with this test's class path. */
    private static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ScrutinyCli.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Reads the process's stderr until a line contains the text; fails if it ends first. */
    private static void awaitLine(Process p, String text) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(text)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        err.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process was killed
                    }
                });
                return;
            }
        }
        throw new AssertionError("the process ended before printing '" + text + "':\n" + seen);
    }

    private static List<JsonNode> versions(Path data) {
        CliRun run = CliRun.of("--data", data.toString(), "lists", "versions", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(run.out()).forEach(out::add);
        return out;
    }

    @Test
    void aKilledImportAndAConcurrentOneLeaveThePreviousVersionInForce() throws Exception {
        Path data = tmp.resolve("data");
        CliRun first = CliRun.of("--data", data.toString(), "lists", "import",
                Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv").toString(), "--effective", "2019-04-01", "--category", "export_control");
        assertThat(first.exitCode()).as(first.err()).isZero();

        Path big = bigList(150_000);
        Process importing = start(Map.of(), "--data", data.toString(), "lists", "import", big.toString(), "--category", "export_control");
        try {
            awaitLine(importing, "storing 150000 entries");

            // the embedded database admits one process: a second import is refused, and says why
            CliRun concurrent = CliRun.of("--data", data.toString(), "lists", "import",
                    Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv").toString(), "--category", "export_control");
            assertThat(concurrent.exitCode()).isEqualTo(1);
            assertThat(concurrent.err()).contains("in use by another Scrutiny process");

            Thread.sleep(500);
        } finally {
            importing.destroyForcibly();
            assertThat(importing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<JsonNode> after = versions(data);
        assertThat(after).as("the killed import left no version").hasSize(1);
        assertThat(after.get(0).get("entries").asInt()).isEqualTo(3);

        // the database is consistent: screening sees the version in force, and the next import works
        CliRun assess = CliRun.of("--data", data.toString(), "assess", Scenarios.path("engagements/zte.json").toString(), "--json");
        assertThat(assess.exitCode()).as(assess.err()).isZero();
        assertThat(JSON.readTree(assess.out()).get("hits").get(0).get("source_id").asString()).isEqualTo("el-zte");
        CliRun next = CliRun.of("--data", data.toString(), "lists", "import",
                Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv").toString(), "--effective", "2019-06-01", "--category", "export_control");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("2 added, 0 removed, 0 changed since version 1");
    }

    /** On PostgreSQL, imports of one list take turns (the list's row is locked); a killed one is rolled back. */
    @Test
    @EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
    void onPostgresConcurrentImportsTakeTurnsAndAKilledOneIsRolledBack() throws Exception {
        Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", TestPostgres.freshDatabase());
        Path data = tmp.resolve("pg-data");
        Process first = start(env, "--data", data.toString(), "lists", "import",
                Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv").toString(), "--effective", "2019-04-01", "--category", "export_control");
        // generous: a child JVM on a loaded two-core machine took over two minutes to start and import
        assertThat(first.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();

        Path big = bigList(100_000);
        Process killed = start(env, "--data", data.toString(), "lists", "import", big.toString(), "--effective", "2020-01-01", "--category", "export_control");
        Process waiting;
        try {
            awaitLine(killed, "storing 100000 entries");
            // a second import of the same list waits for the first's lock, then goes ahead when it is released
            waiting = start(env, "--data", data.toString(), "lists", "import",
                    Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv").toString(), "--effective", "2019-06-01", "--category", "export_control");
            Thread.sleep(3_000);
        } finally {
            killed.destroyForcibly();
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(waiting.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.exitValue()).isZero();

        ProcessBuilder pb = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), ScrutinyCli.class.getName(), "--data", data.toString(), "lists", "versions", "--json"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process list = pb.start();
        String out;
        try (var in = list.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(list.waitFor(300, TimeUnit.SECONDS)).isTrue();
        JsonNode versions = JSON.readTree(out);
        assertThat(versions.size()).as(out).isEqualTo(2);
        assertThat(versions.get(0).get("entries").asInt()).isEqualTo(3);
        assertThat(versions.get(1).get("entries").asInt()).isEqualTo(5);
        assertThat(versions.get(1).get("effective_from").asString()).isEqualTo("2019-06-01");
    }
}
