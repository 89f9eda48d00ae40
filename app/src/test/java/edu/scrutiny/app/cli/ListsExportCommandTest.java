package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.lists.ExportedLists;
import edu.scrutiny.lists.ListEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lists export}: the versions in force on a date, written for batch jobs; {@code screen}
 * reads them back; bad input names what is wrong and writes nothing.
 */
class ListsExportCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("%s%n%s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    private void seed() {
        ok("--data", data().toString(), "lists", "import", Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv").toString(),
                "--effective", "2019-04-01", "--category", "export_control");
        ok("--data", data().toString(), "lists", "import", Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv").toString(),
                "--effective", "2019-06-01", "--category", "export_control");
        ok("--data", data().toString(), "lists", "import", Scenarios.path("lists/us_bis_dpl.csv").toString(),
                "--effective", "2018-04-15", "--category", "denial");
    }

    @Test
    void writesTheVersionsInForceWithAManifestThatScreenReads() throws Exception {
        seed();
        Path may = tmp.resolve("may");
        Path july = tmp.resolve("july");
        CliRun run = ok("--data", data().toString(), "lists", "export", "--as-of", "2019-05-01", "--out", may.toString());
        assertThat(run.err()).contains("exported 2 list versions in force on 2019-05-01");
        ok("--data", data().toString(), "lists", "export", "--as-of", "2019-07-01", "--out", july.toString());

        JsonNode manifest = JSON.readTree(may.resolve("manifest.json").toFile());
        assertThat(manifest.get("as_of").asString()).isEqualTo("2019-05-01");
        JsonNode entity = manifest.get("lists").get(1);
        assertThat(manifest.get("lists").get(0).get("list").asString()).isEqualTo("us_bis_dpl");
        assertThat(entity.get("list").asString()).isEqualTo("us_bis_entity_list");
        assertThat(entity.get("version").asLong()).isEqualTo(1);
        assertThat(entity.get("effective_from").asString()).isEqualTo("2019-04-01");
        assertThat(entity.get("format").asString()).isEqualTo("scrutiny-csv");
        assertThat(entity.get("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(entity.get("entries").asInt()).isEqualTo(3);
        assertThat(entity.get("file_sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(may.resolve(entity.get("file").asString())).isRegularFile();

        // the entries as stored, every field kept: the category the import gave them, the dates
        ExportedLists julyExport = ExportedLists.read(july);
        ExportedLists.Version june = julyExport.versions().get(1);
        assertThat(june.version()).isEqualTo(2);
        ListEntry huawei = june.entries().stream().filter(e -> e.sourceId().equals("el-huawei")).findFirst().orElseThrow();
        assertThat(huawei.category().key()).isEqualTo("export_control");
        assertThat(huawei.listedOn()).hasToString("2019-05-16");
        assertThat(ExportedLists.read(may).versions().get(1).entries()).extracting(ListEntry::sourceId).doesNotContain("el-huawei");

        // screen reads an export like any list: Huawei is on July's export, not on May's
        Path queries = Files.writeString(tmp.resolve("q.csv"), "id,name,schema\nq1,Huawei Technologies Co. Ltd.,Company\n");
        ok("screen", "--list", july.toString(), "--in", queries.toString(), "--out", tmp.resolve("july.csv").toString());
        ok("screen", "--list", may.toString(), "--in", queries.toString(), "--out", tmp.resolve("may.csv").toString());
        List<String> julyHits = Files.readAllLines(tmp.resolve("july.csv"));
        assertThat(julyHits.get(1)).startsWith("q1,1,1.0000,true,us_bis_entity_list,el-huawei,");
        assertThat(Files.readString(tmp.resolve("may.csv"))).doesNotContain("el-huawei");

        // a file altered after the export is refused, naming it
        Path file = july.resolve(june.file());
        Files.writeString(file, Files.readString(file).replace("Huawei Technologies", "Huawei Technolagies"));
        CliRun altered = CliRun.of("screen", "--list", july.toString(), "--in", queries.toString(), "--out",
                tmp.resolve("altered.csv").toString());
        assertThat(altered.exitCode()).isEqualTo(1);
        assertThat(altered.err()).contains(file.toString()).contains("altered after the export");
        assertThat(tmp.resolve("altered.csv")).doesNotExist();
    }

    @Test
    void badInputNamesWhatIsWrongAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        CliRun badDate = CliRun.of("--data", data().toString(), "lists", "export", "--as-of", "2019-13-01", "--out", out.toString());
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--as-of").contains("2019-13-01");

        CliRun noData = CliRun.of("--data", tmp.resolve("nowhere").toString(), "lists", "export", "--as-of", "2019-05-01",
                "--out", out.toString());
        assertThat(noData.exitCode()).isEqualTo(1);
        assertThat(noData.err()).contains("nowhere").contains("no such data directory");
        assertThat(tmp.resolve("nowhere")).doesNotExist();

        Files.createDirectories(data());
        CliRun empty = CliRun.of("--data", data().toString(), "lists", "export", "--as-of", "2019-05-01", "--out", out.toString());
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("no list has been imported");
        assertThat(out).doesNotExist();

        Files.createDirectories(out); // refused before the data directory is opened
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun taken = CliRun.of("--data", data().toString(), "lists", "export", "--as-of", "2019-05-01", "--out", out.toString());
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("already exists");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }
}
