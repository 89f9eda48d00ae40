package edu.scrutiny.app.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code screen} contract, in-process, on a list written here from Federal Register facts. */
class ScreenCommandTest {
    @TempDir
    Path dir;
    Path list;
    Path queries;
    Path hits;

    @BeforeEach
    void files() throws IOException {
        list = Files.writeString(dir.resolve("entity_list.csv"), """
                id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
                el-huawei,"Huawei Technologies Co., Ltd.",Huawei,Company,CN,Entity List,2019-05-16,,,,,
                el-zte,Zhongxing Telecommunications Equipment (ZTE) Corporation,ZTE Corporation,Company,CN,Entity List,2016-03-08,2017-03-29,,,,
                el-hisilicon,"HiSilicon Technologies Co., Ltd.",,Company,CN,Entity List,2019-05-16,,"Huawei Technologies Co., Ltd.",,,
                """);
        queries = dir.resolve("queries.csv");
        hits = dir.resolve("hits.csv");
    }

    private List<CSVRecord> hits() throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(hits)).getRecords();
    }

    @Test
    void writesRankedCandidatesWithTheContractColumns() throws IOException {
        Files.writeString(queries, """
                id,name,schema,country,notes
                q1,Huawei Technologies Company Limited,Company,CN,ignored column
                q2,Huawei Technolgies,,,
                q3,Harvard University,Organization,US,
                """);
        CliRun run = CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString(),
                "--limit", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).as("stdout stays clean").isEmpty();
        assertThat(Files.readAllLines(hits).get(0)).isEqualTo("query_id,rank,score,match,list,source_id,entity_name,matched_name");
        List<CSVRecord> rows = hits();
        CSVRecord first = rows.get(0);
        assertThat(first.get("query_id")).isEqualTo("q1");
        assertThat(first.get("rank")).isEqualTo("1");
        assertThat(first.get("score")).isEqualTo("1.0000");
        assertThat(first.get("match")).isEqualTo("true");
        assertThat(first.get("list")).isEqualTo("entity_list");
        assertThat(first.get("source_id")).isEqualTo("el-huawei");
        assertThat(first.get("entity_name")).isEqualTo("Huawei Technologies Co., Ltd.");
        assertThat(rows).filteredOn(r -> r.get("query_id").equals("q1")).hasSizeLessThanOrEqualTo(2)
                .extracting(r -> Double.parseDouble(r.get("score"))).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(rows).filteredOn(r -> r.get("query_id").equals("q2")).first()
                .satisfies(r -> assertThat(r.get("source_id")).isEqualTo("el-huawei"))
                .satisfies(r -> assertThat(r.get("match")).isEqualTo("true"));
        assertThat(rows).filteredOn(r -> r.get("query_id").equals("q3")).allMatch(r -> r.get("match").equals("false"));
    }

    @Test
    void asOfSeesTheListAsItWas() throws IOException {
        Files.writeString(queries, "id,name\nz,ZTE Corporation\nh,Huawei Technologies Co Ltd\n");
        assertThat(CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString(),
                "--as-of", "2016-06-01").exitCode()).isZero();
        assertThat(hits()).filteredOn(r -> r.get("match").equals("true")).extracting(r -> r.get("source_id")).containsExactly("el-zte");
        assertThat(CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString(),
                "--as-of", "2019-06-01").exitCode()).isZero();
        assertThat(hits()).filteredOn(r -> r.get("match").equals("true")).extracting(r -> r.get("source_id")).containsExactly("el-huawei");
    }

    @Test
    void thresholdDecidesMatch() throws IOException {
        Files.writeString(queries, "id,name\nq,Huawei Tech\n");
        CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString(), "--threshold", "0.99");
        assertThat(hits()).allMatch(r -> r.get("match").equals("false"));
        CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString(), "--threshold", "0.5");
        assertThat(hits().get(0).get("match")).isEqualTo("true");
    }

    @Test
    void badRowsAreReportedAtTheEndAndTheOthersScreened() throws IOException {
        Files.writeString(queries, "id,name,schema,country,birth_date\n"
                + "ok1,Huawei,Company,,\n"
                + "e1,,Person,,\n"
                + "e2,Someone,Robot,,\n"
                + "e3,Someone,,China,\n"
                + "e4,Someone,,,16/05/1960\n"
                + "e5," + "x".repeat(5_000) + ",,,\n"
                + "e6,too,many,fields,,,\n"
                + "ok2,HiSilicon Technologies,Company,CN,\n");
        CliRun run = CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("queries.csv line 3: column 'name' is empty")
                .contains("queries.csv line 4: column 'schema' is 'Robot'")
                .contains("queries.csv line 5: column 'country' holds 'China'")
                .contains("queries.csv line 6: column 'birth_date' is '16/05/1960'")
                .contains("queries.csv line 7: the name is 5,000 characters long; at most 1,000 are accepted")
                .contains("queries.csv line 8: has 7 fields, the header has 5")
                .contains("6 rows could not be screened");
        assertThat(hits()).extracting(r -> r.get("query_id")).contains("ok1", "ok2").doesNotContain("e1", "e2", "e3", "e4", "e5", "e6");
    }

    @Test
    void aFileThatIsNotCsvWritesNothing() throws IOException {
        Files.writeString(hits, "previous results\n");
        Files.writeString(queries, "id,name\nq1,Huawei\nq2,\"unterminated\n");
        CliRun run = CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("queries.csv line 3").doesNotContain("Exception");
        assertThat(Files.readString(hits)).as("the previous file is left as it was").isEqualTo("previous results\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void missingColumnsAndFilesAreNamed() throws IOException {
        Files.writeString(queries, "id,full_name\nq1,Huawei\n");
        CliRun run = CliRun.of("screen", "--list", list.toString(), "--in", queries.toString(), "--out", hits.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("queries.csv line 1: the header lacks the column 'name'");
        assertThat(hits).doesNotExist();

        run = CliRun.of("screen", "--list", dir.resolve("nope.csv").toString(), "--in", queries.toString(), "--out", hits.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nope.csv: no such file or directory");
    }

    @Test
    void usageErrors() {
        assertThat(CliRun.of("screen", "--in", "q.csv", "--out", "h.csv").exitCode()).as("no --list").isEqualTo(2);
        assertThat(CliRun.of("screen", "--list", list.toString(), "--in", "q.csv", "--out", "h.csv", "--threshold", "2").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("screen", "--list", list.toString(), "--in", "q.csv", "--out", "h.csv", "--limit", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("screen", "--list", list.toString(), "--in", "q.csv", "--out", "h.csv", "--as-of", "16/05/2019").exitCode()).isEqualTo(2);
    }
}
