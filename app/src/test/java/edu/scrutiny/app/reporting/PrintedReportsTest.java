package edu.scrutiny.app.reporting;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engagement dossier and the screening certificate over a real server, read back with PDFBox:
 * their sections and evidence, names in Han, Arabic and Cyrillic scripts, fonts embedded, page
 * numbers, the audit chain's head; who may print them, and an unknown engagement or screening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PrintedReportsTest {
    static final String ENTITY_LIST = """
            id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
            el-huawei,"Huawei Technologies Co., Ltd.",Huawei;%s,Company,CN,Entity List,2019-05-16,,,,https://www.federalregister.gov/,Added by 84 FR 22961
            """.formatted(HostFonts.HAN);

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
    @Autowired
    AuditLog audit;

    private static String analyst;
    private static String reviewer;
    private static String auditor;
    private static String submitter;
    private static String engagementId;
    private static long caseId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void seed() throws Exception {
        if (analyst != null) {
            return;
        }
        analyst = user("print-analyst", Role.ANALYST);
        reviewer = user("print-reviewer", Role.REVIEWER);
        auditor = user("print-auditor", Role.AUDITOR);
        submitter = user("print-submitter", Role.SUBMITTER);
        String boundary = "----print";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"us_bis_entity_list.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + ENTITY_LIST + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/api/lists/import?effective=2019-01-01&category=export_control"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)), analyst);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        HttpResponse<String> submitted = post("/api/engagements", submitter, """
                {"title": "Antenna research <with> partners", "type": "sponsored_research", "renewal": false, "submitted_on": "2019-06-03",
                 "department": "EECS", "funding": {"amount": 750000, "currency": "USD", "source": "industry"},
                 "parties": [
                   {"name": "%s", "kind": "organization", "country": "CN", "role": "sponsor"},
                   {"name": "%s", "kind": "organization", "country": "SA", "role": "collaborator",
                    "owners": [{"name": "%s", "share": 12.5, "country": "RU"}]}],
                 "work_countries": ["US"], "research_areas": ["networking_communications"]}"""
                .formatted(HostFonts.HAN, HostFonts.ARABIC, HostFonts.CYRILLIC));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        engagementId = json.readTree(submitted.body()).path("id").asString();
        JsonNode cases = json.readTree(send(HttpRequest.newBuilder(uri("/api/cases")).GET(), analyst).body());
        for (JsonNode c : cases.isArray() ? cases : cases.path("cases")) {
            if (engagementId.equals(c.path("engagement_id").asString())) {
                caseId = c.path("case_id").asLong();
            }
        }
        assertThat(caseId).as("a case opened for %s: %s", engagementId, cases).isPositive();
        HttpResponse<String> adjudicated = post("/api/cases/" + caseId + "/adjudications", analyst, """
                {"party": "%s", "list": "us_bis_entity_list", "source_id": "el-huawei", "verdict": "TRUE_MATCH",
                 "reason": "the sponsor is Huawei itself"}""".formatted(HostFonts.HAN));
        assertThat(adjudicated.statusCode()).as(adjudicated.body()).isEqualTo(201);
        HttpResponse<String> asked = post("/api/cases/" + caseId + "/request-information", analyst,
                "{\"question\": \"Which Huawei entity signs the agreement?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    }

    @Test
    void theDossierHoldsTheEngagementItsEvidenceTheCaseTheTimelineAndTheChainHead() throws Exception {
        HttpResponse<byte[]> r = get("/api/engagements/" + engagementId + "/dossier.pdf", analyst);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains(engagementId + "-dossier.pdf");
        PdfText pdf = PdfText.of(r.body());
        String text = pdf.flat();
        assertThat(text).contains(engagementId + ": Antenna research <with> partners")
                .contains("Engagement").contains("Parties").contains("Owners and controllers")
                .contains("Latest assessment").contains("Dimensions").contains("Reasons").contains("Hits")
                .contains("Huawei Technologies Co., Ltd.").contains("el-huawei").contains("Why the score:")
                .contains("List versions screened").contains("Directives applied")
                .contains("Case " + caseId).contains("True match").contains("the sponsor is Huawei itself")
                .contains("Which Huawei entity signs the agreement?").contains("Not answered yet.")
                .contains("Timeline").contains("engagement.submitted")
                .contains("12.5%");
        assertThat(text).matches("(?s).*us_bis_entity_list, version \\d+, effective 2019-01-01, SHA-256 [0-9a-f]{64}.*");
        assertThat(text).contains("page 1 of " + pdf.pages());
        String head = audit.head().lastHash();
        assertThat(text).as("the chain's head at printing (nothing was appended since)").contains(head);
        assertThat(pdf.notEmbedded()).as("fonts not embedded").isEmpty();
        assertThat(pdf.fonts()).isNotEmpty();
    }

    @Test
    void theDossierPrintsWordsWherePagesPrintWordsNotTheDataKeys() throws Exception {
        String text = PdfText.of(get("/api/engagements/" + engagementId + "/dossier.pdf", analyst).body()).flat();
        // as the engagement's and the case's pages show them (the one labels bundle, support/labels.properties)
        assertThat(text).contains("Sponsored research").contains("Industry").contains("Sponsor").contains("Collaborator")
                .contains("Route Compliance review → Faculty committee").contains("in Compliance review")
                .contains("Export control").contains("True match").contains("status In review").contains("Tier Elevated")
                .contains("Research areas Integrated Communication and Networking Technologies (sensitive)");
        // (a reason's sentence names the area's code after its name, as the page's does; the evidence keeps its paths)
        assertThat(text).as("keys where people read words")
                .doesNotContain("compliance_review").doesNotContain("sponsored_research").doesNotContain("Research areas networking_communications")
                .doesNotContain("export_control").doesNotContain("TRUE_MATCH").doesNotContain("in_review").doesNotContain("national_security")
                .doesNotContain("awaiting_information").doesNotContain("ELEVATED");
    }

    @Test
    void namesInHanArabicAndCyrillicScriptsArePrintedAsText() throws Exception {
        HostFonts.assumeScriptsCovered();
        PdfText pdf = PdfText.of(get("/api/engagements/" + engagementId + "/dossier.pdf", analyst).body());
        assertThat(pdf.text()).contains(HostFonts.HAN).contains(HostFonts.ARABIC).contains(HostFonts.CYRILLIC);
        assertThat(pdf.text()).doesNotContain("Not rendered");
    }

    @Test
    void reviewersAndAuditorsPrintTheDossierSubmittersDoNot() throws Exception {
        assertThat(get("/api/engagements/" + engagementId + "/dossier.pdf", reviewer).statusCode()).isEqualTo(200);
        assertThat(get("/api/engagements/" + engagementId + "/dossier.pdf", auditor).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> refused = get("/api/engagements/" + engagementId + "/dossier.pdf", submitter);
        assertThat(refused.statusCode()).as("a submitter, even of this engagement").isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/engagements/" + engagementId + "/dossier.pdf")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownEngagementOrScreeningIsA404ThatSaysSo() throws Exception {
        HttpResponse<byte[]> r = get("/api/engagements/ENG-999999/dossier.pdf", analyst);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("no engagement ENG-999999");
        HttpResponse<byte[]> s = get("/api/screenings/999999/certificate.pdf", analyst);
        assertThat(s.statusCode()).isEqualTo(404);
        assertThat(new String(s.body(), StandardCharsets.UTF_8)).contains("screening 999999");
        HttpResponse<byte[]> bad = get("/api/screenings/abc/certificate.pdf", analyst);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("abc");
    }

    @Test
    void aScreeningCertificateHoldsTheQueryTheListVersionsTheResultsAndTheDispositions() throws Exception {
        HttpResponse<String> screened = post("/api/screenings", analyst,
                "{\"name\": \"Huawei Technologies\", \"schema\": \"organization\", \"countries\": [\"CN\"], \"purpose\": \"visiting delegation\"}");
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(201);
        long id = json.readTree(screened.body()).path("id").asLong();
        HttpResponse<String> disposed = post("/api/screenings/" + id + "/dispositions", analyst,
                "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-huawei\", \"verdict\": \"TRUE_MATCH\", \"reason\": \"same company\"}");
        assertThat(disposed.statusCode()).as(disposed.body()).isBetween(200, 201);
        HttpResponse<byte[]> r = get("/api/screenings/" + id + "/certificate.pdf", auditor);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("screening-" + id + "-certificate.pdf");
        String text = PdfText.of(r.body()).flat();
        assertThat(text).contains("Screening certificate " + id).contains("Huawei Technologies").contains("visiting delegation")
                .contains("print-analyst").contains("CN").contains("Huawei Technologies Co., Ltd.").contains("el-huawei")
                .contains("Why the score:").contains("same company").contains("True match").contains("Export control")
                .contains("Through API");
        assertThat(text).as("keys where people read words").doesNotContain("export_control").doesNotContain("TRUE_MATCH")
                .doesNotContain("true_match");
        assertThat(text).matches("(?s).*us_bis_entity_list, version \\d+, effective 2019-01-01, SHA-256 [0-9a-f]{64}.*");
        assertThat(get("/api/screenings/" + id + "/certificate.pdf", submitter).statusCode()).isEqualTo(403);
    }

    private String user(String name, Role role) {
        users.add(name, null, null, Set.of(role), null, "test");
        return tokens.create(name, "PrintedReportsTest", "test").secret();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
