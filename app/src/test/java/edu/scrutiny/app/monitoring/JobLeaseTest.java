package edu.scrutiny.app.monitoring;

import com.sun.net.httpserver.HttpServer;
import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.monitoring.internal.JobLocks;
import edu.scrutiny.app.testsupport.TestPostgres;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job leases held while a job runs: two application instances on one database, a list refresh that
 * takes far longer than the lease (its source answers slowly). The holder's heartbeat keeps the
 * lease, so the refresh runs exactly once; when the holder dies mid-refresh (its context stops, and
 * with it the heartbeat), the other instance takes the job over once the lease has run out, and the
 * list is imported once.
 */
class JobLeaseTest {
    private static final Duration LEASE = Duration.ofMillis(1500);
    private static final String LIST = "us_bis_entity_list";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** Opened to let the source answer the first request, which waits until then (up to 20 s); later ones are answered at once. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch asked = new CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        byte[] body = Files.readAllBytes(Scenarios.path("monitoring/2017-03-29/us_bis_entity_list.csv"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/entity-list.csv", exchange -> {
            boolean first = requests.incrementAndGet() == 1;
            asked.countDown();
            try (exchange) {
                try {
                    if (first) {
                        gate.await(20, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ConfigurableApplicationContext instance(String url) {
        return new SpringApplicationBuilder(ScrutinyApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + url, "scrutiny.scheduling.enabled=true",
                        // the scheduler itself stays out of the way: the test ticks by hand
                        "scrutiny.monitoring.tick=PT1H", "scrutiny.refresh.attempts=1",
                        "scrutiny.jobs.lease=" + LEASE, "scrutiny.jobs.heartbeat=PT0.25S",
                        // the test serves the list from loopback over plain HTTP
                        "scrutiny.sources.allow-http=true", "scrutiny.sources.allow-private-addresses=true")
                .run();
    }

    private void addSource(ConfigurableApplicationContext c) {
        c.getBean(ListSources.class).add(LIST, "http://127.0.0.1:" + server.getAddress().getPort() + "/entity-list.csv",
                Duration.ofHours(24), ListCategory.EXPORT_CONTROL);
    }

    /** The other instance ticks again and again while the holder's refresh is blocked for three leases. */
    private void holderKeepsTheLease(String url) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ConfigurableApplicationContext a = instance(url); ConfigurableApplicationContext b = instance(url)) {
            addSource(a);
            Future<List<String>> ranA = pool.submit(() -> a.getBean(MonitoringJobs.class).tick());
            assertThat(asked.await(20, TimeUnit.SECONDS)).as("the refresh started").isTrue();
            long until = System.nanoTime() + LEASE.multipliedBy(3).toNanos();
            while (System.nanoTime() < until) {
                assertThat(b.getBean(MonitoringJobs.class).tick()).as("the holder renews its lease").doesNotContain("list-refresh");
                Thread.sleep(100);
            }
            gate.countDown();
            assertThat(ranA.get(20, TimeUnit.SECONDS)).contains("list-refresh");
            assertThat(b.getBean(MonitoringJobs.class).tick()).as("released, but not due again before its interval").isEmpty();
            assertThat(requests).as("the source was fetched once").hasValue(1);
            assertThat(b.getBean(ListCatalog.class).versions(LIST)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The holder dies (its heartbeat stops) while its refresh hangs; the other takes over after the lease. */
    private void anotherTakesOverFromADeadHolder(String url) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ConfigurableApplicationContext a = instance(url); ConfigurableApplicationContext b = instance(url)) {
            addSource(a);
            Future<List<String>> ranA = pool.submit(() -> a.getBean(MonitoringJobs.class).tick());
            assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();
            MonitoringJobs jobsB = b.getBean(MonitoringJobs.class);
            assertThat(jobsB.tick()).doesNotContain("list-refresh");
            // the holder dies as a killed instance does: its job hangs, nothing renews its lease
            a.getBean(JobLocks.class).stopRenewing();
            long died = System.nanoTime();
            List<String> ranB = List.of();
            while (!ranB.contains("list-refresh") && System.nanoTime() - died < Duration.ofSeconds(20).toNanos()) {
                Thread.sleep(100);
                ranB = jobsB.tick();
            }
            assertThat(ranB).as("the other instance took the job over; the leases: %s, now %s", b.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT * FROM job_lock").query().listOfRows(), java.time.Instant.now()).contains("list-refresh");
            assertThat(Duration.ofNanos(System.nanoTime() - died)).as("only after the lease ran out")
                    .isGreaterThanOrEqualTo(LEASE.minusMillis(300));
            assertThat(b.getBean(ListCatalog.class).versions(LIST)).hasSize(1);
            // the dead instance's hung request comes back at last: the same bytes are in force, nothing is imported again
            gate.countDown();
            ranA.get(30, TimeUnit.SECONDS);
            assertThat(requests).hasValue(2);
            assertThat(b.getBean(ListCatalog.class).versions(LIST)).as("imported once, not twice").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onH2AnotherInstanceTakesOverOnlyAfterTheHolderStopsRenewing() throws Exception {
        anotherTakesOverFromADeadHolder(Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-lease")) + ";LOCK_TIMEOUT=10000");
    }

    @Test
    void onH2TheHolderKeepsItsLeaseWhileTheRefreshRuns() throws Exception {
        holderKeepsTheLease(Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-lease")) + ";LOCK_TIMEOUT=10000");
    }

    @Test
    @EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
    void onPostgresTheHolderKeepsItsLeaseWhileTheRefreshRuns() throws Exception {
        holderKeepsTheLease(TestPostgres.freshDatabase());
    }

    @Test
    @EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
    void onPostgresAnotherInstanceTakesOverOnlyAfterTheHolderStopsRenewing() throws Exception {
        anotherTakesOverFromADeadHolder(TestPostgres.freshDatabase());
    }
}
