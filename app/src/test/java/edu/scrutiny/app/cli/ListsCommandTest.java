package edu.scrutiny.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code lists inspect} and {@code lists diff} contracts, run in-process on the demo's sample lists. */
class ListsCommandTest {
    @TempDir
    Path dir;
    Path april;
    Path june;

    @BeforeEach
    void samples() throws IOException {
        april = copy("2019-04-01/us_bis_entity_list.csv");
        june = copy("2019-06-01/us_bis_entity_list.csv");
    }

    @Test
    void inspectJsonHasTheContractFields() throws Exception {
        CliRun run = CliRun.of("lists", "inspect", "--json", june.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = Json.MAPPER.readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        JsonNode list = array.get(0);
        assertThat(list.get("list").asString()).isEqualTo("us_bis_entity_list");
        assertThat(list.get("format").asString()).isEqualTo("scrutiny-csv");
        assertThat(list.get("entries").asLong()).isEqualTo(11);
        assertThat(list.get("by_schema").get("Company").asLong()).isEqualTo(10);
        assertThat(list.get("by_schema").get("Organization").asLong()).isEqualTo(1);
        assertThat(list.get("names").asLong()).isEqualTo(18);
        assertThat(list.get("top_countries").get("CN").asLong()).isEqualTo(9);
        assertThat(list.get("first_listed_on").asString()).isEqualTo("2015-02-18");
        assertThat(list.get("last_listed_on").asString()).isEqualTo("2019-05-16");
        assertThat(list.get("sha256").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void inspectTextForPeople() {
        CliRun run = CliRun.of("lists", "inspect", april.toString(), june.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("format      scrutiny-csv").contains("entries     4").contains("entries     11")
                .contains("by schema   Organization 1, Company 10");
    }

    @Test
    void diffText() {
        CliRun run = CliRun.of("lists", "diff", april.toString(), june.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("us_bis_entity_list: 4 entries before, 11 after: 7 added, 0 removed, 0 changed, 4 unchanged")
                .contains("+ el-huawei  Huawei Technologies Co., Ltd. (Company)");
    }

    @Test
    void diffJsonNamesChangedFields() throws Exception {
        Path changed = dir.resolve("changed/us_bis_entity_list.csv");
        Files.createDirectories(changed.getParent());
        Files.writeString(changed, Files.readString(june).replace("2017-03-29,,,https", "2017-03-30,,,https")
                .replace("el-nudt,National University of Defense Technology,NUDT", "el-nudt,National University of Defense Technology,NUDT;Guofang Keji Daxue"));
        CliRun run = CliRun.of("lists", "diff", "--json", june.toString(), changed.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode d = Json.MAPPER.readTree(run.out());
        assertThat(d.get("counts").get("changed").asInt()).isEqualTo(2);
        assertThat(d.get("changed").get(0).get("source_id").asString()).isEqualTo("el-nudt");
        assertThat(d.get("changed").get(0).get("fields").get(0).asString()).isEqualTo("aliases");
        assertThat(d.get("changed").get(1).get("source_id").asString()).isEqualTo("el-zte-corp");
        assertThat(d.get("changed").get(1).get("fields").get(0).asString()).isEqualTo("delisted_on");
    }

    @Test
    void diffOfTwoDifferentListsIsRefused() throws IOException {
        Path other = dir.resolve("watchlist.csv");
        Files.copy(june, other);
        CliRun run = CliRun.of("lists", "diff", june.toString(), other.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is the list us_bis_entity_list but").contains("is watchlist");
    }

    @Test
    void malformedFileIsOneClearLineAndExitCodeOne() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readString(june).replace("2019-05-16,,,,https", "16/05/2019,,,,https"));
        CliRun run = CliRun.of("lists", "inspect", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: " + bad + " line 6: column 'listed_on' is '16/05/2019'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).as("no partial result presented").isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRun.of("lists", "inspect").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("lists", "diff", "one").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("lists", "inspect", "--no-such-option", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("lists").exitCode()).isEqualTo(2);
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
    }

    private Path copy(String sample) throws IOException {
        Path target = dir.resolve(sample);
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getResourceAsStream("/demo/lists/" + sample)) {
            Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return target;
    }
}
