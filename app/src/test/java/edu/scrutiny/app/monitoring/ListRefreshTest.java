package edu.scrutiny.app.monitoring;

import com.sun.net.httpserver.HttpServer;
import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshing lists from their sources, against a real HTTP server on loopback: conditional
 * requests, retries, and the refreshes that must keep the version in force (a truncated download,
 * a list implausibly shorter than the one in force, a file that holds another list).
 */
@SpringBootTest(classes = {ScrutinyApplication.class, ListRefreshTest.Clocks.class},
        properties = {"scrutiny.refresh.attempts=3", "scrutiny.refresh.backoff=PT0.01S",
                // the test serves lists from loopback over http
                "scrutiny.sources.allow-http=true", "scrutiny.sources.allow-private-addresses=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ListRefreshTest {
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2019-05-20T12:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-refresh")));
        registry.add("scrutiny.sources.import-directory", IMPORTS::toString);
    }

    private static final Path IMPORTS = Scenarios.temporaryDirectory("imports");

    @Autowired MutableClock clock;
    @Autowired ListSources sources;
    @Autowired ListCatalog catalog;
    @Autowired Alerts alerts;

    private HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/lists/entity-list.csv", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                if (etag.get().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] b = body.get();
                exchange.getResponseHeaders().add("ETag", etag.get());
                exchange.sendResponseHeaders(200, b.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(b);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lists/entity-list.csv";
    }

    private void publish(String fixture, String newEtag) throws IOException {
        body.set(Files.readAllBytes(Scenarios.path(fixture)));
        etag.set(newEtag);
    }

    private List<StoredListVersion> versions() {
        return catalog.versions("us_bis_entity_list");
    }

    @Test
    void refreshFetchesConditionallyAndImportsWhatChanged() throws Exception {
        publish("monitoring/2017-03-29/us_bis_entity_list.csv", "\"v1\"");
        sources.add("us_bis_entity_list", url(), Duration.ofHours(24), ListCategory.EXPORT_CONTROL);

        List<RefreshOutcome> first = sources.refresh("us_bis_entity_list", false);
        assertThat(first).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo("IMPORTED"));
        assertThat(versions()).hasSize(1);
        assertThat(versions().get(0).source()).isEqualTo(url());
        assertThat(versions().get(0).effectiveFrom()).isEqualTo(LocalDate.parse("2019-05-20"));

        assertThat(sources.refresh("us_bis_entity_list", false)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("NOT_MODIFIED"));
        assertThat(notModified).hasValue(1);

        clock.set(LocalDate.parse("2019-05-21"));
        publish("monitoring/2019-05-16/us_bis_entity_list.csv", "\"v2\"");
        failuresToServe.set(2); // the server fails twice; the third attempt gets it
        List<RefreshOutcome> second = sources.refresh("us_bis_entity_list", false);
        assertThat(second).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("IMPORTED");
            assertThat(o.message()).contains("1 added, 0 removed, 0 changed").contains("engagements re-screened");
        });
        assertThat(versions()).hasSize(2);
        assertThat(sources.find("us_bis_entity_list").orElseThrow().nextDueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(alerts.open()).isEmpty();
    }

    @Test
    void aTruncatedDownloadKeepsTheVersionInForceAndRaisesAnAlert() throws Exception {
        publish("monitoring/2019-05-16/us_bis_entity_list.csv", "\"v1\"");
        sources.add("us_bis_entity_list", url(), Duration.ofHours(24), ListCategory.EXPORT_CONTROL);
        sources.refresh("us_bis_entity_list", false);
        List<StoredListVersion> before = versions();

        byte[] whole = body.get();
        String text = new String(whole, StandardCharsets.UTF_8);
        body.set(text.substring(0, text.indexOf("\"Huawei") + 10).getBytes(StandardCharsets.UTF_8)); // ends inside a quoted field
        etag.set("\"v2\"");
        clock.set(LocalDate.parse("2019-05-21"));
        List<RefreshOutcome> outcome = sources.refresh("us_bis_entity_list", false);
        assertThat(outcome).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("FAILED");
            assertThat(o.message()).contains("the version in force stays").contains("truncated");
        });
        assertThat(versions()).isEqualTo(before);
        assertThat(alerts.open()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.LIST_REFRESH_FAILED);
            assertThat(a.list()).isEqualTo("us_bis_entity_list");
            assertThat(a.engagementId()).isNull();
        });
        ListSourceSettings s = sources.find("us_bis_entity_list").orElseThrow();
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.nextDueAt()).as("retried sooner than the schedule").isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aListImplausiblyShorterThanTheOneInForceIsRefusedUnlessConfirmed() throws Exception {
        Path big = IMPORTS.resolve("us_bis_entity_list.csv");
        StringBuilder sb = new StringBuilder("id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n");
        for (int i = 0; i < 40; i++) {
            sb.append("gen-").append(i).append(",Generated Trading Company ").append(i).append(" Ltd.,,Company,CN,Entity List,2019-01-01,,,,,\n");
        }
        Files.writeString(big, sb);
        sources.add("us_bis_entity_list", big.toString(), Duration.ofDays(1), ListCategory.EXPORT_CONTROL);
        assertThat(sources.refresh("us_bis_entity_list", false)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("IMPORTED"));

        Files.writeString(big, sb.substring(0, sb.indexOf("gen-10,")));
        assertThat(sources.refresh("us_bis_entity_list", false)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("FAILED");
            assertThat(o.message()).contains("fewer than half the 40").contains("--confirm");
        });
        assertThat(versions()).hasSize(1);
        assertThat(alerts.open()).extracting(Alert::kind).containsExactly(AlertKind.LIST_REFRESH_FAILED);

        assertThat(sources.refresh("us_bis_entity_list", true)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("IMPORTED"));
        assertThat(versions()).hasSize(2);
        assertThat(versions().get(1).entries()).isEqualTo(10);
    }

    @Test
    void aMissingOrUnreachableSourceFailsAfterItsRetries() throws Exception {
        publish("lists/us_bis_dpl.csv", "\"v1\"");
        sources.add("us_bis_entity_list", url(), Duration.ofHours(24), ListCategory.EXPORT_CONTROL);
        sources.add("us_bis_dpl", "http://127.0.0.1:" + server.getAddress().getPort() + "/nothing-here.csv", Duration.ofHours(1), null);
        List<RefreshOutcome> outcomes = sources.refresh(null, false);
        assertThat(outcomes).extracting(RefreshOutcome::status).containsExactly("FAILED", "IMPORTED");
        assertThat(outcomes.get(0).message()).contains("404");
        assertThat(alerts.open()).extracting(Alert::kind).containsExactly(AlertKind.LIST_REFRESH_FAILED);

        server.stop(0);
        int before = requests.get();
        assertThat(sources.refresh("us_bis_entity_list", false)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("FAILED");
            assertThat(o.message()).contains("after 3 attempts");
        });
        assertThat(requests.get()).isEqualTo(before);
    }
}
