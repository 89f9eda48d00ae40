package edu.scrutiny.app.security;

import com.sun.net.httpserver.HttpServer;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.monitoring.internal.Fetcher;
import edu.scrutiny.app.monitoring.internal.SourceRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding 3: a list source is an https URL on a public address or a file in the import directory;
 * redirects are checked by the same rule; downloads stop at the size limit; no refusal tells a
 * closed port from a refused address; no message echoes what was read. Over the API with the
 * default settings, and through the fetcher against a real HTTP server on loopback.
 */
class ListSourceRulesTest extends SecurityTestBase {
    private static final String SECRET = "root:x:0:0:SECRET-FILE-CONTENT";

    private HttpServer server;
    private HttpServer internal;
    private final AtomicInteger internalRequests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        // the "internal service": on 127.0.0.2, which the fetcher's rules below refuse
        internal = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        internal.createContext("/", exchange -> {
            internalRequests.incrementAndGet();
            byte[] b = SECRET.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        internal.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/redirect-inside", exchange -> {
            exchange.getResponseHeaders().add("Location", "/big");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/redirect-internal", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + internal.getAddress().getPort() + "/latest/meta-data");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            byte[] b = new byte[5000];
            exchange.sendResponseHeaders(200, b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.createContext("/big-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // no length: read until the limit
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(new byte[1000]);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        internal.stop(0);
    }

    /** Rules for the loopback tests: http allowed, and only 127.0.0.1 (the test server) counts as reachable. */
    private static SourceRules loopbackRules(long maxBytes) {
        return new SourceRules(true, a -> a.getHostAddress().equals("127.0.0.1"), dataDirectory().resolve("imports"), maxBytes);
    }

    private String at(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String failure(Fetcher fetcher, String location) {
        try {
            fetcher.fetch(location, "list.csv", null, null);
        } catch (Fetcher.FetchFailed e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError(location + " was fetched");
    }

    @Test
    void theApiRefusesSourcesThatAreNotHttpsOnAPublicAddressOrAFileInTheImportDirectory() throws IOException {
        User analyst = user("analyst", Role.ANALYST);
        Path imports = Files.createDirectories(dataDirectory().resolve("imports"));
        Path inside = Files.writeString(imports.resolve("sec_watch.csv"), "id,name\nw-1,Someone\n");
        Path outside = Files.writeString(Files.createTempDirectory("scrutiny-outside").resolve("x.csv"), "id,name\n");
        Path link = imports.resolve("escape.csv");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);

        for (String location : List.of("http://example.org/list.csv", "https://127.0.0.1/list.csv", "https://localhost/list.csv",
                "https://169.254.169.254/latest/meta-data", "https://10.1.2.3/list.csv", "https://192.168.1.1/list.csv",
                "https://[::1]/list.csv", "https://[::ffff:127.0.0.1]/list.csv", "https://[fd00::1]/list.csv", "https://0.0.0.0/x",
                "ftp://example.org/list.csv", "file:///etc/passwd", "/etc/passwd", "../../../../etc/passwd", outside.toString(),
                link.toString(), "escape.csv")) {
            HttpResponse<String> r = send(analyst, "POST", "/api/list-sources", source("sec_refused", location));
            assertThat(r.statusCode()).as(location + ": " + r.body()).isEqualTo(400);
            assertThat(json(r).get("problems").get(0).get("field").asString()).isEqualTo("URL_OR_PATH");
            assertThat(r.body()).doesNotContain("root:");
        }
        // outside the import directory, a file that exists and one that does not are answered alike
        String exists = json(send(analyst, "POST", "/api/list-sources", source("sec_refused", "/etc/passwd"))).get("problems").toString();
        String missing = json(send(analyst, "POST", "/api/list-sources", source("sec_refused", "/etc/no-such-file"))).get("problems").toString();
        assertThat(exists.replace("/etc/passwd", "P")).isEqualTo(missing.replace("/etc/no-such-file", "P"));
        assertThat(get(analyst, "/api/list-sources").body()).doesNotContain("sec_refused");

        HttpResponse<String> ok = send(analyst, "POST", "/api/list-sources", source("sec_watch", "sec_watch.csv"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("location").asString()).isEqualTo(inside.toRealPath().toString());
        HttpResponse<String> https = send(analyst, "POST", "/api/list-sources", source("sec_remote", "https://sanctions.example.invalid/list.csv"));
        assertThat(https.statusCode()).as("a name that does not resolve yet is checked again when fetched: " + https.body()).isEqualTo(200);
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedLikeAClosedPortAndNeverReachesIt() throws Exception {
        Fetcher fetcher = new Fetcher(2, Duration.ZERO, d -> { }, loopbackRules(1_000_000));
        String redirected = failure(fetcher, at("/redirect-internal"));
        assertThat(internalRequests.get()).as("the internal service was never asked").isZero();

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        String closedPort = failure(fetcher, "http://127.0.0.1:" + closed + "/list.csv");
        String refused = failure(fetcher, "http://10.255.255.1/list.csv");
        String direct = failure(fetcher, "http://127.0.0.2:" + internal.getAddress().getPort() + "/list.csv");
        assertThat(internalRequests.get()).isZero();
        assertThat(List.of(redirected.replace(at("/redirect-internal"), "URL"), closedPort.replace("http://127.0.0.1:" + closed + "/list.csv", "URL"),
                refused.replace("http://10.255.255.1/list.csv", "URL"),
                direct.replace("http://127.0.0.2:" + internal.getAddress().getPort() + "/list.csv", "URL")))
                .containsOnly("URL: could not be fetched (after 2 attempts)");
        assertThat(redirected + closedPort + refused + direct).doesNotContain("SECRET", "refused", "Connection");
    }

    @Test
    void aDownloadStopsAtTheSizeLimitAndLeavesNothingBehind() throws Exception {
        Fetcher fetcher = new Fetcher(1, Duration.ZERO, d -> { }, loopbackRules(4096));
        List<Path> before = downloads();
        for (String path : List.of("/big", "/big-chunked", "/redirect-inside")) {
            assertThat(failure(fetcher, at(path))).as(path).endsWith("larger than the limit of 4096 bytes (scrutiny.sources.max-bytes)");
        }
        assertThat(downloads()).as("no partial download left").isSubsetOf(before);

        Fetcher roomy = new Fetcher(1, Duration.ZERO, d -> { }, loopbackRules(20_000));
        Fetcher.Fetched fetched = (Fetcher.Fetched) roomy.fetch(at("/redirect-inside"), "list.csv", null, null);
        assertThat(Files.size(fetched.path())).as("a redirect within the rules is followed").isEqualTo(5000);
        Fetcher.delete(fetched.path());
    }

    @Test
    void aRefreshThatReadsSomethingElseNeverEchoesItInTheOutcomeTheAlertOrTheAuditTrail() throws IOException {
        User analyst = user("analyst", Role.ANALYST);
        Path imports = Files.createDirectories(dataDirectory().resolve("imports"));
        Files.writeString(imports.resolve("sec_notalist.csv"), SECRET + "\n" + SECRET + "\n");
        assertThat(send(analyst, "POST", "/api/list-sources", source("sec_notalist", "sec_notalist.csv")).statusCode()).isEqualTo(200);
        HttpResponse<String> refreshed = send(analyst, "POST", "/api/list-sources/sec_notalist/refresh", null);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode outcome = json(refreshed).get(0);
        assertThat(outcome.get("status").asString()).isEqualTo("FAILED");
        assertThat(refreshed.body()).doesNotContain("root:x", "SECRET");
        assertThat(get(analyst, "/api/alerts").body()).contains("sec_notalist").doesNotContain("root:x", "SECRET");
        assertThat(get(analyst, "/api/list-sources").body()).doesNotContain("root:x", "SECRET");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE after_doc LIKE '%SECRET%' OR before_doc LIKE '%SECRET%'")
                .query(Long.class).single()).isZero();
    }

    static String source(String list, String location) {
        return JSON.createObjectNode().put("list", list).put("location", location).put("every", "24h").toString();
    }

    private static List<Path> downloads() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("scrutiny-refresh")).toList();
        }
    }
}
