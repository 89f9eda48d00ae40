package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.testsupport.SignIn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static edu.scrutiny.app.desk.DeskServer.enc;
import static edu.scrutiny.app.desk.DeskServer.ids;
import static edu.scrutiny.app.desk.DeskServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch screening over the REST API, on a real server ({@link BatchApiTest} on H2, {@link
 * BatchApiPostgresTest} on PostgreSQL): a CSV and an XLSX file screened in the background to done,
 * both result formats read back, bad files refused with nothing recorded, the roles, and a batch
 * whose instance stopped taken over and finished.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"scrutiny.screening.batch-max-rows=40", "scrutiny.screening.batch-max-file-size=8KB"})
@DirtiesContext
abstract class BatchScenarios {
    static final String CSV = """
            id,name,schema,country,notes
            v-1,Huawei Technologies Co Ltd,Company,CN,a vendor
            v-2,"=HYPERLINK(""http://evil.example"")",,,a formula
            v-3,Jane Example,Person,US,a visitor
            v-4,Rosoboronexport,,RU;BY,an arms exporter
            """;

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchRunner runner;

    /** One per server (this class's and the PostgreSQL subclass's contexts). */
    private static final Map<Integer, DeskServer> SERVERS = new HashMap<>();
    private DeskServer server;

    @BeforeEach
    void server() throws Exception {
        server = SERVERS.get(port);
        if (server == null) {
            server = new DeskServer(port, users, tokens).withLists();
            SERVERS.put(port, server);
        }
    }

    private HttpResponse<String> upload(String user, String file, String contentType, byte[] content, Map<String, String> fields)
            throws Exception {
        return server.uploadFile(user, "/api/screenings/batches", file, contentType, content, fields);
    }

    private HttpResponse<String> uploadCsv(String user, String file, String csv) throws Exception {
        return upload(user, file, "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("purpose", "conference invitees",
                "as_of", "2024-01-01"));
    }

    /** Polls a batch until it is finished (done or failed), at most 30 seconds. */
    private JsonNode finished(long id) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> r = server.get("auditor", "/api/screenings/batches/" + id);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode s = json(r);
            String state = s.get("state").asString();
            if (state.equals("done") || state.equals("failed")) {
                return s;
            }
            assertThat(state).isIn("queued", "running");
            assertThat(System.nanoTime()).as("batch %d still %s", id, state).isLessThan(until);
            Thread.sleep(100);
        }
    }

    private List<CSVRecord> csvResults(long id) throws Exception {
        HttpResponse<byte[]> csv = server.download("auditor", "/api/screenings/batches/" + id + "/results.csv");
        assertThat(csv.statusCode()).as(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(text.substring(1).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8)).getRecords();
    }

    private int logSize() throws Exception {
        return json(server.get("auditor", "/api/screenings")).size();
    }

    @Test
    void aCsvBatchRunsToDoneAndItsResultsAreOneLinePerCandidateWithTheExplanation() throws Exception {
        HttpResponse<String> made = uploadCsv("analyst", "invitees.csv", CSV);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
        long id = json(made).get("id").asLong();
        assertThat(made.headers().firstValue("Location").orElse("")).endsWith("/api/screenings/batches/" + id);
        assertThat(json(made).get("rows_total").asInt()).isEqualTo(4);

        JsonNode done = finished(id);
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("rows_done").asInt()).isEqualTo(4);
        assertThat(done.get("rows_with_hits").asInt()).isEqualTo(2); // Huawei and Rosoboronexport
        assertThat(done.get("file_name").asString()).isEqualTo("invitees.csv");
        assertThat(done.get("purpose").asString()).isEqualTo("conference invitees");
        assertThat(done.get("list_versions").findValuesAsString("list")).contains("us_bis_entity_list", "desk_sanctions");

        List<CSVRecord> lines = csvResults(id);
        Map<String, List<CSVRecord>> byId = new HashMap<>();
        lines.forEach(l -> byId.computeIfAbsent(l.get("id"), k -> new ArrayList<>()).add(l));
        CSVRecord huawei = byId.get("v-1").getFirst();
        assertThat(huawei.get("source_id")).isEqualTo("el-huawei");
        assertThat(huawei.get("match")).isEqualTo("true");
        assertThat(huawei.get("rank")).isEqualTo("1");
        assertThat(huawei.get("explanation")).contains("huawei~huawei");
        assertThat(huawei.get("location")).isEqualTo("invitees.csv line 2");
        assertThat(byId.get("v-4").getFirst().get("source_id")).isEqualTo("sdn-rosoboron");
        assertThat(byId.get("v-4").getFirst().get("country")).isEqualTo("RU;BY");
        // a row without candidates appears once, its candidate columns empty
        assertThat(byId.get("v-3")).hasSize(1);
        assertThat(byId.get("v-3").getFirst().get("list")).isEmpty();
        assertThat(byId.get("v-3").getFirst().get("score")).isEmpty();
        // a name a spreadsheet would run as a formula is written as text
        assertThat(byId.get("v-2").getFirst().get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");

        // the batch is one entry of the log, found by a name in its file too
        JsonNode entry = json(server.get("auditor", "/api/screenings/" + id));
        assertThat(entry.get("channel").asString()).isEqualTo("BATCH");
        assertThat(entry.get("query").get("name").asString()).isEqualTo("invitees.csv");
        assertThat(entry.get("outcome").asString()).isEqualTo("POTENTIAL_MATCH");
        assertThat(ids(server.get("auditor", "/api/screenings?q=" + enc("rosoboronexport")))).contains(id);
        assertThat(ids(server.get("auditor", "/api/screenings?q=" + enc("jane example")))).contains(id);
    }

    @Test
    void anXlsxBatchIsReadFromItsFirstSheetAndItsResultsComeBackAsXlsx() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Invitees");
            String[][] rows = {{"Name", "Country", "Schema"}, {"National University of Defense Technology", "CN", "Organization"},
                    {"Ivan Sergeyevich Petrov", "RU", "Person"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(file);
        }
        HttpResponse<String> made = upload("reviewer", "invitees.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.toByteArray(),
                Map.of("lists", "desk_sanctions", "as_of", "2024-01-01"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
        long id = json(made).get("id").asLong();
        JsonNode done = finished(id);
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("lists").get(0).asString()).isEqualTo("desk_sanctions");
        assertThat(done.get("rows_with_hits").asInt()).isEqualTo(1); // Petrov; NUDT is on the other list

        HttpResponse<byte[]> xlsx = server.download("auditor", "/api/screenings/batches/" + id + "/results.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            Map<String, Integer> col = new HashMap<>();
            header.forEach(c -> col.put(c.getStringCellValue(), c.getColumnIndex()));
            assertThat(col).containsKeys("row", "id", "name", "score", "match", "list", "source_id", "explanation");
            List<String> sources = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row.getCell(col.get("source_id")) != null) {
                    sources.add(row.getCell(col.get("source_id")).getStringCellValue());
                    if (row.getCell(col.get("source_id")).getStringCellValue().equals("sdn-petrov")) {
                        assertThat(row.getCell(col.get("score")).getNumericCellValue()).isGreaterThan(0.8);
                        assertThat(row.getCell(col.get("match")).getBooleanCellValue()).isTrue();
                        assertThat(row.getCell(col.get("location")).getStringCellValue()).isEqualTo("invitees.xlsx sheet Invitees row 3");
                        assertThat(row.getCell(col.get("id")).getStringCellValue()).isEqualTo("2"); // no id column: the row number
                    }
                }
            }
            assertThat(sources).contains("sdn-petrov").doesNotContain("el-nudt");
        }
    }

    /** A workbook of one sheet: a header and rows of cells, each a String, a number, or a date cell (a LocalDate, with a format). */
    private static byte[] workbook(String sheetName, Object[]... rows) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(sheetName);
            org.apache.poi.ss.usermodel.CellStyle usDate = book.createCellStyle();
            usDate.setDataFormat((short) 14); // Excel's built-in m/d/yy: what typing 7/12/1962 makes
            org.apache.poi.ss.usermodel.CellStyle germanDate = book.createCellStyle();
            germanDate.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    var cell = row.createCell(c);
                    if (v instanceof String text) {
                        cell.setCellValue(text);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(r % 2 == 0 ? usDate : germanDate);
                    }
                }
            }
            book.write(file);
        }
        return file.toByteArray();
    }

    @Test
    void anXlsxBirthDateMayBeADateCellAndANumberThatIsNotADateIsRefusedNamingSheetRowAndColumn() throws Exception {
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] dates = workbook("People", new Object[] {"id", "name", "schema", "birth_date"},
                new Object[] {"p-1", "Ivan Sergeyevich Petrov", "Person", java.time.LocalDate.of(1962, 7, 12)},
                new Object[] {"p-2", "Jane Example", "Person", java.time.LocalDate.of(1980, 1, 2)},
                new Object[] {"p-3", "John Example", "Person", 1975},
                new Object[] {"p-4", "Mary Example", "Person", "1990-05"});
        HttpResponse<String> made = upload("analyst", "people.xlsx", xlsx, dates, Map.of("as_of", "2024-01-01"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
        long id = json(made).get("id").asLong();
        assertThat(finished(id).get("state").asString()).isEqualTo("done");
        Map<String, String> born = new HashMap<>();
        csvResults(id).forEach(r -> born.put(r.get("id"), r.get("birth_date")));
        assertThat(born).containsEntry("p-1", "1962-07-12") // a date cell shown as dd.mm.yyyy
                .containsEntry("p-2", "1980-01-02")           // a date cell shown as m/d/yy
                .containsEntry("p-3", "1975")                 // a whole four-digit number: a year
                .containsEntry("p-4", "1990-05");             // text, as before

        int before = logSize();
        byte[] numbers = workbook("People", new Object[] {"name", "birth_date"},
                new Object[] {"Jane Example", java.time.LocalDate.of(1980, 1, 2)},
                new Object[] {"John Example", 19750412},
                new Object[] {"Mary Example", 29221.5});
        HttpResponse<String> refused = upload("analyst", "numbers.xlsx", xlsx, numbers, Map.of());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        json(refused).get("problems").forEach(p -> problems.add(p.get("field").asString() + ": " + p.get("message").asString()));
        assertThat(problems).containsExactly(
                "numbers.xlsx sheet People row 3: column 'birth_date' holds the number 19750412, not a date; make the cell a date cell, "
                        + "or write the date as text: YYYY, YYYY-MM or YYYY-MM-DD",
                "numbers.xlsx sheet People row 4: column 'birth_date' holds the number 29221.5, not a date; make the cell a date cell, "
                        + "or write the date as text: YYYY, YYYY-MM or YYYY-MM-DD");
        assertThat(logSize()).isEqualTo(before);
    }

    @Test
    void badFilesAreRefusedNamingTheRowAndColumnAndNothingIsRecorded() throws Exception {
        int before = logSize();
        HttpResponse<String> empty = uploadCsv("analyst", "empty.csv", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("empty.csv is empty");

        HttpResponse<String> noName = uploadCsv("analyst", "people.csv", "id,full_name\n1,Jane Example\n");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("people.csv line 1").contains("no column 'name'");

        HttpResponse<String> badRows = uploadCsv("analyst", "rows.csv", "name,country,schema\nHuawei,CN,Company\nNUDT,China,\n,CN,Robot\n");
        assertThat(badRows.statusCode()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        json(badRows).get("problems").forEach(p -> problems.add(p.get("field").asString() + ": " + p.get("message").asString()));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rows.csv line 3: column 'country' holds 'China'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rows.csv line 4: column 'name' is empty"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rows.csv line 4: column 'schema'"));

        StringBuilder many = new StringBuilder("name\n");
        for (int i = 0; i < 41; i++) {
            many.append("Name ").append(i).append('\n');
        }
        HttpResponse<String> tooMany = uploadCsv("analyst", "many.csv", many.toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("more than 40 rows").contains("many.csv line 42");

        HttpResponse<String> tooBig = uploadCsv("analyst", "big.csv", "name\n" + "x".repeat(9000) + "\n");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("batch-max-file-size");

        HttpResponse<String> unknownList = upload("analyst", "ok.csv", "text/csv", "name\nHuawei\n".getBytes(StandardCharsets.UTF_8),
                Map.of("lists", "us_ofac_sdn"));
        assertThat(unknownList.statusCode()).isEqualTo(400);
        assertThat(DeskServer.fields(unknownList)).containsExactly("lists[0]");

        HttpResponse<String> notXlsx = upload("analyst", "sheet.xlsx", "application/octet-stream", "name\nHuawei\n".getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(notXlsx.statusCode()).isEqualTo(400);
        assertThat(notXlsx.body()).contains("not an XLSX workbook");

        assertThat(logSize()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM desk_batch_row r WHERE NOT EXISTS (SELECT 1 FROM desk_batch b WHERE b.screening_id = r.screening_id)")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aFailedBatchShowsAFailedOutcomeInTheLogItsFiltersItsExportAndItsPage() throws Exception {
        // the database refuses the candidates of any screening after those made so far: recording the first chunk throws
        long last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM desk_screening").query(Long.class).single();
        jdbc.sql("ALTER TABLE desk_batch_candidate ADD CONSTRAINT test_refuses_new_candidates CHECK (screening_id <= " + last + ")").update();
        long id;
        JsonNode failed;
        try {
            id = json(uploadCsv("analyst", "doomed.csv", CSV)).get("id").asLong();
            failed = finished(id);
        } finally {
            jdbc.sql("ALTER TABLE desk_batch_candidate DROP CONSTRAINT test_refuses_new_candidates").update();
        }
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("failure").asString()).startsWith("screening failed");

        JsonNode entry = json(server.get("auditor", "/api/screenings/" + id));
        assertThat(entry.get("outcome").asString()).as("not NO_HITS: the file was not screened").isEqualTo("FAILED");
        assertThat(ids(server.get("auditor", "/api/screenings?outcome=FAILED"))).contains(id);
        assertThat(ids(server.get("auditor", "/api/screenings?outcome=NO_HITS"))).doesNotContain(id);

        HttpResponse<byte[]> export = server.download("auditor", "/api/exports/screenings.csv?outcome=FAILED");
        assertThat(export.statusCode()).isEqualTo(200);
        List<CSVRecord> exported = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(export.body(), StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(exported).anySatisfy(r -> {
            assertThat(r.get("id")).isEqualTo(Long.toString(id));
            assertThat(r.get("outcome")).isEqualTo("FAILED");
        });

        SignIn.Session page = new SignIn(port).form("auditor", DeskServer.PASSWORD);
        HttpResponse<String> log = page.get("/screenings?outcome=FAILED");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("doomed.csv").contains("<td>Failed</td>").contains("Failed</option>");
    }

    @Test
    void aWatchedBatchTurnsAListImportIntoAlertsOnItsRowsForThePersonWhoRanIt() throws Exception {
        String header = "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n";
        String kestrel = "w-kestrel,Kestrel Avionics LLC,,Company,US,Watch,2019-12-01,,,,,\n";
        String orion = "w-orion,Orion Dynamics Ltd,,Company,GB,Watch,2020-12-01,,,,,\n";
        HttpResponse<String> v1 = server.upload("analyst", "/api/lists/import?effective=2020-01-01&category=export_control",
                "desk_watch.csv", header + kestrel);
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(201);
        String file = "id,name,schema\nr-1,Orion Dynamics Ltd,Company\nr-2,Kestrel Avionics LLC,Company\nr-3,Jane Example,Person\n";

        // watched through the API's multipart field; the same file unwatched beside it
        HttpResponse<String> made = upload("analyst", "suppliers.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8),
                Map.of("watch", "true", "purpose", "suppliers under watch"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
        assertThat(json(made).get("watch").asBoolean()).isTrue();
        long id = json(made).get("id").asLong();
        long unwatched = json(uploadCsv("analyst", "suppliers.csv", file)).get("id").asLong();
        // and watched through the page's checkbox
        SignIn.Session page = new SignIn(port).form("reviewer", DeskServer.PASSWORD);
        page.get("/screen");
        HttpResponse<String> posted = page.postFile("/screenings/batches", "suppliers.csv", file, Map.of("watch", "on", "purpose", "from the page"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        long fromPage = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        for (long b : List.of(id, unwatched, fromPage)) {
            JsonNode done = finished(b);
            assertThat(done.get("state").asString()).isEqualTo("done");
            assertThat(done.get("rows_with_hits").asInt()).as("Kestrel").isEqualTo(1);
        }
        assertThat(json(server.get("auditor", "/api/screenings/batches/" + fromPage)).get("watch").asBoolean()).isTrue();
        assertThat(json(server.get("auditor", "/api/screenings/" + id)).get("query").get("watch").asBoolean()).isTrue();
        assertThat(json(server.get("auditor", "/api/screenings/" + unwatched)).get("query").get("watch").asBoolean()).isFalse();
        assertThat(page.get("/screenings/batches/" + fromPage).body()).contains("yes: list changes are screened again and reported to reviewer");

        // the list's next version lists Orion and no longer Kestrel
        HttpResponse<String> v2 = server.upload("analyst", "/api/lists/import?effective=2021-01-01&category=export_control",
                "desk_watch.csv", header + orion);
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        Map<String, JsonNode> alerts = new HashMap<>();
        for (JsonNode a : json(server.get("analyst", "/api/alerts"))) {
            if (a.path("screening_id").asLong() == id) {
                alerts.put(a.get("kind").asString(), a);
            }
            assertThat(a.path("screening_id").asLong()).as("nothing on the batch not watched").isNotEqualTo(unwatched);
        }
        assertThat(alerts).containsOnlyKeys("NEW_HIT", "HIT_CLOSED");
        JsonNode newHit = alerts.get("NEW_HIT");
        assertThat(newHit.get("source_id").asString()).isEqualTo("w-orion");
        assertThat(newHit.get("screening_row").asInt()).isEqualTo(1);
        assertThat(newHit.get("engagement_id").isNull()).isTrue();
        assertThat(newHit.get("detail").asString()).contains("row 1 (suppliers.csv line 2, id r-1): Orion Dynamics Ltd now matches");
        JsonNode closed = alerts.get("HIT_CLOSED");
        assertThat(closed.get("source_id").asString()).isEqualTo("w-kestrel");
        assertThat(closed.get("screening_row").asInt()).isEqualTo(2);
        assertThat(server.get("analyst", "/api/notifications").body()).as("the person who ran it is told")
                .contains("watched screening " + id + ", row 1").contains("watched screening " + id + ", row 2");
        assertThat(server.get("reviewer", "/api/notifications").body()).contains("watched screening " + fromPage + ", row 1");
        assertThat(page.get("/alerts").body()).contains("Screening " + fromPage + ", row 1").contains("Screening " + id + ", row 2");

        // the batch's results keep Kestrel's match, closed, and hold Orion's; its counts follow
        Map<String, CSVRecord> byRow = new HashMap<>();
        csvResults(id).stream().filter(r -> r.get("list").equals("desk_watch")).forEach(r -> byRow.put(r.get("id"), r));
        assertThat(byRow.get("r-1").get("source_id")).isEqualTo("w-orion");
        assertThat(byRow.get("r-1").get("match")).isEqualTo("true");
        assertThat(byRow.get("r-1").get("closed_on")).isEmpty();
        assertThat(byRow.get("r-2").get("source_id")).isEqualTo("w-kestrel");
        assertThat(byRow.get("r-2").get("closed_on")).isNotEmpty();
        JsonNode after = json(server.get("auditor", "/api/screenings/batches/" + id));
        assertThat(after.get("rows_with_hits").asInt()).as("Orion now, Kestrel no longer").isEqualTo(1);
        assertThat(json(server.get("auditor", "/api/screenings/" + id)).get("outcome").asString()).isEqualTo("POTENTIAL_MATCH");
        // the unwatched batch is as it was found
        assertThat(csvResults(unwatched).stream().filter(r -> r.get("list").equals("desk_watch")).map(r -> r.get("source_id")).toList())
                .containsExactly("w-kestrel");

        // the same version imported again raises nothing new
        int before = json(server.get("analyst", "/api/alerts")).size();
        server.upload("analyst", "/api/lists/import?effective=2021-01-01&category=export_control", "desk_watch.csv", header + orion);
        assertThat(json(server.get("analyst", "/api/alerts")).size()).isEqualTo(before);
    }

    @Test
    void analystsReviewersAndTheAdministratorScreenAuditorsReadSubmittersNothing() throws Exception {
        for (String user : List.of("analyst", "reviewer", "administrator")) {
            assertThat(uploadCsv(user, "roles.csv", "name\nHuawei\n").statusCode()).as(user).isEqualTo(202);
        }
        for (String user : List.of("auditor", "submitter")) {
            assertThat(uploadCsv(user, "roles.csv", "name\nHuawei\n").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(uploadCsv(null, "roles.csv", "name\nHuawei\n").statusCode()).isEqualTo(401);
        long id = json(uploadCsv("analyst", "roles.csv", "name\nHuawei\n")).get("id").asLong();
        finished(id);
        assertThat(server.get("auditor", "/api/screenings/batches/" + id + "/results.csv").statusCode()).isEqualTo(200);
        assertThat(server.get("submitter", "/api/screenings/batches/" + id).statusCode()).isEqualTo(403);
        assertThat(server.get("submitter", "/api/screenings/batches/" + id + "/results.csv").statusCode()).isEqualTo(403);
        assertThat(server.get("auditor", "/api/screenings/batches/999999").statusCode()).isEqualTo(404);
        assertThat(server.get("auditor", "/api/screenings/batches/" + id + "/results.pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void aBatchWhoseInstanceStoppedIsTakenOverAndResumedFromItsFirstRowNotScreened() throws Exception {
        long id = json(uploadCsv("analyst", "resume.csv", CSV)).get("id").asLong();
        assertThat(finished(id).get("state").asString()).isEqualTo("done");
        List<String> before = csvResults(id).stream().map(r -> r.get("id") + "|" + r.get("source_id") + "|" + r.get("score")).toList();

        // as an instance that died after screening the first row leaves it: running, a stale heartbeat, rows 2-4 to do
        jdbc.sql("DELETE FROM desk_batch_candidate WHERE screening_id = :id AND row_no > 1").param("id", id).update();
        jdbc.sql("UPDATE desk_batch_row SET screened = FALSE WHERE screening_id = :id AND row_no > 1").param("id", id).update();
        jdbc.sql("""
                UPDATE desk_batch SET state = 'RUNNING', rows_done = 1, rows_with_hits = 1, rows_with_candidates = 1, finished_at = NULL,
                       heartbeat_at = :now WHERE screening_id = :id""").param("id", id).param("now", Timestamp.from(Instant.now())).update();
        // while it runs, its results are not ready
        HttpResponse<String> early = server.get("auditor", "/api/screenings/batches/" + id + "/results.csv");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("1 of 4 rows screened");
        // a fresh heartbeat: another instance holds it, nobody takes it over
        assertThat(runner.sweep()).isZero();

        jdbc.sql("UPDATE desk_batch SET heartbeat_at = :then WHERE screening_id = :id").param("id", id)
                .param("then", Timestamp.from(Instant.now().minus(BatchRunner.STALE).minusSeconds(5))).update();
        assertThat(runner.sweep()).isEqualTo(1);
        JsonNode done = finished(id);
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("rows_done").asInt()).isEqualTo(4);
        assertThat(done.get("rows_with_hits").asInt()).isEqualTo(2);
        List<String> after = csvResults(id).stream().map(r -> r.get("id") + "|" + r.get("source_id") + "|" + r.get("score")).toList();
        assertThat(after).isEqualTo(before);
    }
}
