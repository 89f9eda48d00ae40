package edu.scrutiny.spark;

import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ScreeningSources;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.batch.BatchScreener;
import edu.scrutiny.matching.batch.HitRow;
import edu.scrutiny.matching.batch.QueryRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark job in {@code local[2]} against the code path of {@code scrutiny screen}: the same
 * input, screened by the job and by {@link BatchScreener} over an index built from the lists as
 * {@code screen} builds it, gives the same rows, row for row. ({@code ScreenCommand} itself lives
 * in the application, which this module must not depend on; it screens through the same
 * {@code BatchScreener} and {@code ScreeningSources}.)
 */
class ScreenJobTest {
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("scrutiny-screen-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A list in several scripts, written here (Scrutiny CSV). */
    private Path list() throws IOException {
        return Files.writeString(tmp.resolve("watchlist.csv"), """
                id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
                w1,"Huawei Technologies Co., Ltd.",Huawei;华为技术有限公司,Company,CN,Entity List,2019-05-16,,,,,
                w2,National University of Defense Technology,NUDT;国防科技大学,Organization,CN,Entity List,2015-02-18,,,,,
                w3,Vladimir Vladimirovich Putin,Владимир Владимирович Путин,Person,RU,Sanctions,2022-02-25,,,,,
                w4,Ali Hassan Al-Majid,علي حسن المجيد,Person,IQ,Sanctions,2003-05-22,,,,,
                w5,Zhongxing Telecommunications Equipment Corporation,ZTE Corporation;ZTE,Company,CN,Entity List,2016-03-08,2017-03-29,,,,
                w6,Harbin Institute of Technology,哈尔滨工业大学;HIT,Organization,CN,Entity List,2020-06-05,,,,,
                w7,Rosoboronexport,Рособоронэкспорт,Company,RU,Sanctions,2014-07-16,,,,,
                w8,Mahan Air,ماهان ایر,Company,IR,Sanctions,2011-10-12,,,,,
                w9,Kim Jong Un,김정은,Person,KP,Sanctions,2016-07-06,,,,,
                w10,Yamada Taro,山田太郎,Person,JP,Watchlist,2020-01-01,,,,,
                """);
    }

    /** Names close to and far from the list, with every optional column, in several scripts; quoted commas. */
    private Path queries(int n) throws IOException {
        String[] near = {"Huawei Technologies Company Limited", "Huawei Technolgies", "华为", "National Univ. of Defence Technology",
                "Vladimir Putin", "Путин Владимир", "Ali Hasan al Majeed", "علي المجيد", "ZTE Corp", "Harbin Inst. of Technology",
                "Rosoboronexport JSC", "Mahan Airlines", "Kim Jong-un", "김정은", "Taro Yamada", "山田 太郎"};
        String[] far = {"Harvard University", "Acme Widgets, Inc.", "Maria Garcia", "Tsinghua University", "Ивan Petrov", "Sony Group"};
        String[] schemas = {"", "Person", "Company", "Organization", "LegalEntity"};
        String[] countries = {"", "CN", "RU;BY", "IR", "US"};
        String[] births = {"", "1952", "1952-10", "1952-10-07", "1984-01-08"};
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("\uFEFFID,Name,schema,country,birth_date,notes\n");
        for (int i = 0; i < n; i++) {
            String name = random.nextInt(3) == 0 ? far[random.nextInt(far.length)] : near[random.nextInt(near.length)];
            if (random.nextInt(4) == 0) {
                name = name + (random.nextBoolean() ? " Ltd" : " , Co.");
            }
            csv.append("q").append(i).append(",\"").append(name.replace("\"", "\"\"")).append("\",")
                    .append(schemas[random.nextInt(schemas.length)]).append(',')
                    .append(countries[random.nextInt(countries.length)]).append(',')
                    .append(births[random.nextInt(births.length)]).append(",\"ignored, quoted\"\n");
        }
        return Files.writeString(tmp.resolve("queries.csv"), csv.toString());
    }

    /** What the code path of {@code screen} gives: the lists read and indexed as it does, each row parsed and screened. */
    private static List<String> expected(Path queries, List<Path> lists, LocalDate asOf, Double threshold, int limit) throws IOException {
        ScreeningIndex index = ScreeningIndex.build(ScreeningSources.read(lists, line -> { }));
        BatchScreener screener = new BatchScreener(index, threshold, limit);
        List<String> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(queries)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                QueryRow q = QueryRow.parse("line " + r.getRecordNumber(), c -> switch (c) {
                    case "id" -> r.get(0);
                    case "name" -> r.get(1);
                    case "schema" -> r.get(2);
                    case "country" -> r.get(3);
                    default -> r.get(4);
                }, asOf);
                if (q.problem() == null) {
                    for (HitRow h : screener.screen(q)) {
                        rows.add(String.join("|", h.queryId(), String.valueOf(h.rank()), h.scoreText(), String.valueOf(h.match()),
                                h.list(), h.sourceId(), h.entityName(), h.matchedName(), h.explanation()));
                    }
                }
            }
        }
        return sorted(rows);
    }

    /** The job's CSV output (a directory of part files), each row as one string. */
    private static List<String> csvOutput(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        for (Path part : parts) {
            try (Reader in = Files.newBufferedReader(part)) {
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    assertThat(r.getParser().getHeaderNames()).containsExactly("query_id", "rank", "score", "match", "list",
                            "source_id", "entity_name", "matched_name", "explanation");
                    List<String> values = new ArrayList<>();
                    r.forEach(values::add);
                    rows.add(String.join("|", values));
                }
            }
        }
        return sorted(rows);
    }

    /** Rows in query order (q0, q1, ...), then rank: the job's partitions hold the queries in another order. */
    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted(Comparator.<String>comparingInt(r -> Integer.parseInt(r.substring(1, r.indexOf('|'))))
                .thenComparingInt(r -> Integer.parseInt(r.split("\\|")[1]))).toList();
    }

    @Test
    void givesTheSameRowsAsTheScreenCodePathInCsvAndParquet() throws Exception {
        Path list = list();
        Path queries = queries(400);
        List<String> expected = expected(queries, List.of(list), LocalDate.parse("2020-01-01"), null, 3);
        assertThat(expected).as("the input must exercise matches and near misses").hasSizeGreaterThan(100);
        assertThat(expected).anyMatch(r -> r.contains("|true|")).anyMatch(r -> r.contains("|false|"));
        assertThat(expected).as("ZTE was delisted before the as-of date").noneMatch(r -> r.contains("|w5|"));

        Path out = tmp.resolve("hits-csv");
        List<String> log = new ArrayList<>();
        ScreenJob.Result result = ScreenJob.run(spark, JobOptions.parse("--input", queries.toString(), "--lists", list.toString(),
                "--as-of", "2020-01-01", "--limit", "3", "--output", out.toString(), "--output-format", "csv", "--partitions", "3"), log::add);
        assertThat(csvOutput(out)).containsExactlyElementsOf(expected);
        assertThat(result.screened()).isEqualTo(400);
        assertThat(result.rows()).isEqualTo(expected.size());
        assertThat(result.rejected()).isZero();
        assertThat(result.broadcastBytes()).isPositive();
        assertThat(log).anyMatch(l -> l.contains("broadcast " + String.format("%,d", result.broadcastBytes()) + " bytes"));

        // the same names as Parquet in, Parquet out: the same rows, the score a decimal of four places
        Path parquetIn = tmp.resolve("queries.parquet");
        spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(queries.toString())
                .write().parquet(parquetIn.toString());
        Path parquetOut = tmp.resolve("hits-parquet");
        ScreenJob.run(spark, JobOptions.parse("--input", parquetIn.toString(), "--lists", list.toString(), "--as-of", "2020-01-01",
                "--limit", "3", "--output", parquetOut.toString()), line -> { });
        List<String> fromParquet = new ArrayList<>();
        for (Row r : spark.read().parquet(parquetOut.toString()).collectAsList()) {
            fromParquet.add(String.join("|", r.getString(0), String.valueOf(r.getInt(1)), r.getDecimal(2).toPlainString(),
                    String.valueOf(r.getBoolean(3)), r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8)));
        }
        assertThat(sorted(fromParquet)).containsExactlyElementsOf(expected);
    }

    @Test
    void againstRealListsTheRowsAreTheSame() throws Exception {
        Path shared = Path.of(System.getProperty("scrutiny.shared.data", "../../shared/data"));
        Path mieu = shared.resolve("lists/bis_mieu.csv");
        Path dod = shared.resolve("lists/section_1260h.csv");
        Assumptions.assumeTrue(Files.isRegularFile(mieu) && Files.isRegularFile(dod),
                "SKIPPED: the shared data (" + mieu + ") is absent; the comparison on real lists needs it");
        List<String> names = ScreeningSources.read(List.of(mieu, dod), l -> { }).stream()
                .flatMap(e -> Stream.concat(Stream.of(e.name()), e.aliases().stream().map(a -> a.name()))).toList();
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("id,name,schema,country,birth_date\n");
        for (int i = 0; i < 120; i++) {
            char[] name = names.get(random.nextInt(names.size())).toCharArray();
            if (name.length > 4 && random.nextBoolean()) { // one typo: a letter swapped with the next
                int at = 1 + random.nextInt(name.length - 3);
                char c = name[at];
                name[at] = name[at + 1];
                name[at + 1] = c;
            }
            csv.append('q').append(i).append(",\"").append(new String(name).replace("\"", "\"\"")).append("\",,,\n");
        }
        Path queries = Files.writeString(tmp.resolve("real.csv"), csv.toString());
        Path out = tmp.resolve("real-hits");
        ScreenJob.run(spark, JobOptions.parse("--input", queries.toString(), "--lists", mieu.toString(), "--lists", dod.toString(),
                "--output", out.toString(), "--output-format", "csv"), line -> { });
        List<String> expected = expected(queries, List.of(mieu, dod), null, null, BatchScreener.DEFAULT_LIMIT);
        assertThat(expected).anyMatch(r -> r.contains("|true|"));
        assertThat(csvOutput(out)).containsExactlyElementsOf(expected);
    }

    @Test
    void badInputIsNamedAndNothingIsWritten() throws Exception {
        Path list = list();
        Path out = tmp.resolve("out");
        Path noName = Files.writeString(tmp.resolve("no-name.csv"), "id,full_name\nq1,Huawei\n");
        assertThatThrownBy(() -> ScreenJob.run(spark, JobOptions.parse("--input", noName.toString(), "--lists", list.toString(),
                "--output", out.toString()), l -> { }))
                .isInstanceOf(JobInputException.class)
                .hasMessageContaining(noName.toString()).hasMessageContaining("lacks the column 'name'").hasMessageContaining("full_name");
        assertThat(out).doesNotExist();

        Path good = Files.writeString(tmp.resolve("good.csv"), "id,name,country\nq1,Huawei,CN\nq2,,\nq3,ZTE,XX\nq4,NUDT,\n");
        Path missing = tmp.resolve("no-such-list.csv");
        assertThatThrownBy(() -> ScreenJob.run(spark, JobOptions.parse("--input", good.toString(), "--lists", missing.toString(),
                "--output", out.toString()), l -> { }))
                .isInstanceOf(ListFormatException.class).hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
        assertThat(out).doesNotExist();

        assertThatThrownBy(() -> ScreenJob.run(spark, JobOptions.parse("--input", tmp.resolve("nothing.csv").toString(),
                "--lists", list.toString(), "--output", out.toString()), l -> { }))
                .isInstanceOf(JobInputException.class).hasMessageContaining("nothing.csv");

        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--lists", "y", "--output", "z", "--threshold", "1.5"))
                .hasMessage("--threshold must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--lists", "y", "--output", "z", "--as-of", "2020-02-30"))
                .hasMessageContaining("--as-of is '2020-02-30'");

        // rows that cannot be screened are reported with the input and the row; the others are screened
        List<String> log = new ArrayList<>();
        ScreenJob.Result r = ScreenJob.run(spark, JobOptions.parse("--input", good.toString(), "--lists", list.toString(),
                "--output", out.toString(), "--output-format", "csv"), log::add);
        assertThat(r.screened()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.problems()).containsExactlyInAnyOrder(
                good + ": the record with id 'q2': column 'name' is empty; every query needs a name",
                good + ": the record with id 'q3': column 'country' holds 'XX', expected ISO 3166-1 alpha-2 codes separated by ';' (e.g. CN;HK)");
        assertThat(csvOutput(out)).anyMatch(row -> row.startsWith("q1|1|")).anyMatch(row -> row.startsWith("q4|1|"));

        // an output that exists is refused before anything runs
        assertThatThrownBy(() -> ScreenJob.run(spark, JobOptions.parse("--input", good.toString(), "--lists", list.toString(),
                "--output", out.toString()), l -> { }))
                .isInstanceOf(JobInputException.class).hasMessageContaining("already exists");
    }
}
