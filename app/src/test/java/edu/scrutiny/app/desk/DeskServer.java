package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk tests' view of a running server: a user per role with an API token, two small lists
 * imported through the API (an export-control list and a sanctions list), and requests signed in
 * as any of them.
 */
final class DeskServer {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EXPORT_CONTROL = """
            id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
            el-huawei,"Huawei Technologies Co., Ltd.",Huawei,Company,CN,Entity List,2019-05-16,,,,https://www.federalregister.gov/,Added by 84 FR 22961
            el-nudt,National University of Defense Technology,NUDT,Organization,CN,Entity List,2015-02-18,,,,https://www.federalregister.gov/,Added by 80 FR 8524
            """;
    static final String SANCTIONS = """
            id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
            sdn-rosoboron,Rosoboronexport,Rosoboron Export,Company,RU,RUSSIA-EO14024,2014-04-28,,,,https://ofac.treasury.gov/,State arms exporter
            sdn-petrov,Ivan Sergeyevich Petrov,Ivan Petrov,Person,RU,RUSSIA-EO14024,2022-03-11,,,,https://ofac.treasury.gov/,
            """;
    static final String PASSWORD = "correct horse battery staple";

    /** Users by name; {@code analyst} and {@code analyst2} are analysts, the others named by their role. */
    private final Map<String, String> tokens = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    DeskServer(int port, Users users, ApiTokens apiTokens) throws Exception {
        this.port = port;
        for (Map.Entry<String, Role> u : Map.of("analyst", Role.ANALYST, "analyst2", Role.ANALYST, "reviewer", Role.REVIEWER,
                "administrator", Role.ADMINISTRATOR, "auditor", Role.AUDITOR, "submitter", Role.SUBMITTER).entrySet()) {
            if (users.find(u.getKey()).isEmpty()) {
                users.add(u.getKey(), null, u.getKey() + "@example.edu", Set.of(u.getValue()), PASSWORD, "test");
            }
            tokens.put(u.getKey(), apiTokens.create(u.getKey(), "desk tests", "test").secret());
        }
    }

    /** Imports the two lists (once per database: a second import of the same bytes is a duplicate). */
    DeskServer withLists() throws Exception {
        HttpResponse<String> a = upload("analyst", "/api/lists/import?effective=2019-01-01&category=export_control", "us_bis_entity_list.csv",
                EXPORT_CONTROL);
        assertThat(a.statusCode()).as(a.body()).isIn(200, 201);
        HttpResponse<String> b = upload("analyst", "/api/lists/import?effective=2019-01-01&category=sanctions", "desk_sanctions.csv",
                SANCTIONS);
        assertThat(b.statusCode()).as(b.body()).isIn(200, 201);
        return this;
    }

    String token(String user) {
        return tokens.get(user);
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, "GET", path, null, null);
    }

    HttpResponse<String> postJson(String user, String path, String body) throws Exception {
        return send(user, "POST", path, "application/json", body);
    }

    HttpResponse<String> send(String user, String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            b.header("Authorization", "Bearer " + tokens.get(user));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sendWithHeader(String authorization, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String user, String path, String fileName, String content) throws Exception {
        String boundary = "desk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + tokens.get(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload of {@code file} with the given bytes and further form fields. */
    HttpResponse<String> uploadFile(String user, String path, String fileName, String contentType, byte[] content,
                                    Map<String, String> fields) throws Exception {
        String boundary = "desk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            b.header("Authorization", "Bearer " + tokens.get(user));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET answered as bytes (a downloaded file). */
    HttpResponse<byte[]> download(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + tokens.get(user)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static List<String> fields(HttpResponse<String> error) {
        List<String> out = new ArrayList<>();
        json(error).get("problems").forEach(p -> out.add(p.get("field").asString()));
        return out;
    }

    /** The ids of a JSON array's objects. */
    static List<Long> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        json(response).forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Path h2(Path dir) {
        return dir.resolve("scrutiny");
    }
}
