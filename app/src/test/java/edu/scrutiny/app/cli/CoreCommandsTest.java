package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line contract of the application core, exactly as the issue writes it, on an empty
 * data directory; and bad input, which must name file and field, exit 1 and leave the data as it was.
 */
class CoreCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data"); // does not exist yet: every command must create it
    }

    private CliRun ok(String... args) {
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
        ok("--data", data().toString(), "directives", "import", Scenarios.path("directives.yaml").toString());
    }

    @Test
    void theContractOnAnEmptyDataDirectory() throws Exception {
        CliRun imported = ok("--data", data().toString(), "lists", "import",
                Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv").toString(), "--effective", "2019-04-01", "--category", "export_control");
        assertThat(data()).isDirectory();
        assertThat(imported.out().strip()).startsWith("us_bis_entity_list: imported version 1").contains("effective 2019-04-01")
                .contains("3 entries; 3 added, 0 removed, 0 changed (new list)");
        CliRun second = ok("--data", data().toString(), "lists", "import",
                Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv").toString(), "--effective", "2019-06-01", "--category", "export_control");
        assertThat(second.out()).contains("imported version 2").contains("2 added, 0 removed, 0 changed since version 1");
        ok("--data", data().toString(), "lists", "import", Scenarios.path("lists/us_bis_dpl.csv").toString(),
                "--effective", "2018-04-15", "--category", "denial");
        CliRun directives = ok("--data", data().toString(), "directives", "import", Scenarios.path("directives.yaml").toString());
        assertThat(directives.out()).contains("1 added");

        CliRun submitted = ok("--data", data().toString(), "engagements", "submit", Scenarios.path("engagements/huawei-2019-06-01.json").toString());
        assertThat(submitted.out().strip()).isEqualTo("ENG-000001");
        assertThat(submitted.err()).contains("PROHIBITED");

        CliRun assessed = ok("--data", data().toString(), "assess", Scenarios.path("engagements/huawei-2019-06-01.json").toString(), "--json");
        JsonNode a = JSON.readTree(assessed.out());
        assertThat(a.get("tier").asString()).isEqualTo("PROHIBITED");
        assertThat(a.get("policy_version").asInt()).isEqualTo(1);
        for (String d : new String[] {"ip", "data_security", "national_security", "export_control", "sanctions", "reputation"}) {
            assertThat(a.get("dimensions").get(d).asDouble()).isBetween(0.0, 1.0);
        }
        JsonNode reason = a.get("reasons").get(0);
        for (String f : new String[] {"code", "dimension", "detail", "evidence"}) {
            assertThat(reason.has(f)).as(f).isTrue();
        }
        JsonNode hit = a.get("hits").get(0);
        assertThat(hit.get("party").asString()).isEqualTo("Huawei Technologies Co., Ltd.");
        assertThat(hit.get("list").asString()).isEqualTo("us_bis_entity_list");
        assertThat(hit.get("source_id").asString()).isEqualTo("el-huawei");
        assertThat(hit.get("entity_name").asString()).isEqualTo("Huawei Technologies Co., Ltd.");
        assertThat(hit.get("matched_name").asString()).isNotBlank();
        assertThat(hit.get("score").asDouble()).isGreaterThan(0.9);
        assertThat(hit.get("listed_on").asString()).isEqualTo("2019-05-16");
        assertThat(hit.has("delisted_on")).isTrue();
        assertThat(a.get("directives").get(0).get("id").asString()).isEqualTo("mit-2019-huawei-zte");
        assertThat(a.get("directives").get(0).get("title").asString()).isEqualTo("No new engagements or renewals with Huawei or ZTE");

        CliRun asOf = ok("--data", data().toString(), "assess", Scenarios.path("engagements/zte.json").toString(), "--as-of", "2018-05-01");
        assertThat(asOf.out()).contains("Tier: PROHIBITED (policy version 1, as of 2018-05-01)").contains("DENIAL_HIT").contains("us_bis_dpl");
        CliRun standard = ok("--data", data().toString(), "assess", Scenarios.path("engagements/german-mou.json").toString());
        assertThat(standard.out()).contains("Tier: STANDARD").contains("Reasons: none");
    }

    @Test
    void badEngagementFilesNameTheFileAndFieldAndTouchNothing() throws Exception {
        Path notJson = write("not.json", "{\"title\": \"x\", ");
        CliRun run = CliRun.of("--data", data().toString(), "engagements", "submit", notJson.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(notJson.toString()).contains("not valid JSON").doesNotContain("Exception");
        assertThat(data()).as("a failed command on an empty directory creates nothing").doesNotExist();

        seed();
        String before = fingerprint(data());
        Path missing = write("missing.json", Scenarios.text("engagements/german-mou.json").replace("\"title\": \"Co-publication MOU in number theory\",", ""));
        run = CliRun.of("--data", data().toString(), "engagements", "submit", missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString()).contains("title: is required");

        Path badEnum = write("enum.json", Scenarios.text("engagements/german-mou.json").replace("\"organization\"", "\"robot\"")
                .replace("\"collaboration\"", "\"joint_venture\""));
        run = CliRun.of("--data", data().toString(), "assess", badEnum.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("parties[0].kind: 'robot' is not one of organization, person")
                .contains("type: 'joint_venture' is not one of");

        Path badCountry = write("country.json", Scenarios.text("engagements/german-mou.json").replace("\"DE\"", "\"XX\""));
        run = CliRun.of("--data", data().toString(), "engagements", "submit", badCountry.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("parties[0].country: 'XX' is not an ISO 3166-1 alpha-2 country code");

        Path badDate = write("date.json", Scenarios.text("engagements/german-mou.json").replace("\"2021-09-01\"", "\"1 Sept 2021\""));
        run = CliRun.of("--data", data().toString(), "engagements", "submit", badDate.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("submitted_on");

        assertThat(fingerprint(data())).as("input that fails to parse is refused before the data directory is opened").isEqualTo(before);

        // research-area codes are checked against the taxonomy in the database: refused, nothing stored
        Path badArea = write("area.json", Scenarios.text("engagements/german-mou.json").replace("\"mathematics\"", "\"alchemy\""));
        run = CliRun.of("--data", data().toString(), "engagements", "submit", badArea.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("research_areas[0]: 'alchemy' is not a research-area code");

        CliRun list = ok("--data", data().toString(), "engagements", "list");
        assertThat(list.out()).doesNotContain("ENG-");
    }

    @Test
    void badListAndDirectiveFilesNameTheFileAndFieldAndChangeNothing() throws Exception {
        seed();
        String versionsBefore = ok("--data", data().toString(), "lists", "versions", "--json").out();
        String directivesBefore = ok("--data", data().toString(), "directives", "list", "--json").out();

        Path truncated = write("us_bis_entity_list.csv", Files.readString(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"))
                .replace("2019-05-16,,,,", "2019-05-16,,\"Huawei"));
        CliRun run = CliRun.of("--data", data().toString(), "lists", "import", truncated.toString(), "--category", "export_control");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(truncated.toString()).doesNotContain("Exception");

        Path unknownKey = write("d1.yaml", Scenarios.text("directives.yaml").replace("include_subsidiaries:", "include_subsidaries:"));
        run = CliRun.of("--data", data().toString(), "directives", "import", unknownKey.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(unknownKey.toString()).contains("[0].include_subsidaries: is not a directive key");

        Path badDate = write("d2.yaml", Scenarios.text("directives.yaml").replace("revisit_by: 2020-04-03", "revisit_by: next spring"));
        run = CliRun.of("--data", data().toString(), "directives", "import", badDate.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("[0].revisit_by: 'next spring' is not a date (YYYY-MM-DD)");

        Path badScope = write("d3.json", "[{\"id\": \"x\", \"title\": \"t\", \"counterparties\": [\"A\"], \"include_subsidiaries\": true,"
                + " \"scope\": [\"forever\"], \"effective_from\": \"2020-01-01\", \"reason\": \"r\"}]");
        run = CliRun.of("--data", data().toString(), "directives", "import", badScope.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("[0].scope: 'forever' is not one of new, renewal, gift");

        run = CliRun.of("--data", data().toString(), "lists", "import", truncated.toString(), "--category", "embargo");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'embargo' is not a list category");

        assertThat(ok("--data", data().toString(), "lists", "versions", "--json").out()).isEqualTo(versionsBefore);
        assertThat(ok("--data", data().toString(), "directives", "list", "--json").out()).isEqualTo(directivesBefore);
    }

    @Test
    void reimportingTheSameBytesChangesNothing() {
        seed();
        CliRun again = ok("--data", data().toString(), "lists", "import", Scenarios.path("lists/us_bis_dpl.csv").toString(),
                "--effective", "2018-04-15", "--category", "denial");
        assertThat(again.out()).contains("already imported as version 3");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve("inputs").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** The names, sizes and content of the files in a directory. */
    private static String fingerprint(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(p.toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
