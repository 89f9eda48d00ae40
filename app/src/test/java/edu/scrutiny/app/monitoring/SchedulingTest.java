package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database, as in production behind a load balancer: each tick
 * of the scheduled jobs runs each job on one of them only.
 */
class SchedulingTest {

    private static ConfigurableApplicationContext instance(String url, MutableClock clock) {
        return new SpringApplicationBuilder(ScrutinyApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testClock", clock))
                .properties("spring.datasource.url=" + url, "scrutiny.scheduling.enabled=true",
                        "scrutiny.monitoring.tick=PT1H", "spring.main.allow-bean-definition-overriding=true",
                        "logging.level.root=WARN")
                .run();
    }

    private static void eachJobRunsOnce(String url) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        try (ConfigurableApplicationContext a = instance(url, clock); ConfigurableApplicationContext b = instance(url, clock)) {
            assertThat(a.getBean(Clock.class)).isSameAs(clock);
            MonitoringJobs jobsA = a.getBean(MonitoringJobs.class);
            MonitoringJobs jobsB = b.getBean(MonitoringJobs.class);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    CyclicBarrier together = new CyclicBarrier(2);
                    Callable<List<String>> tickA = () -> {
                        together.await();
                        return jobsA.tick();
                    };
                    Callable<List<String>> tickB = () -> {
                        together.await();
                        return jobsB.tick();
                    };
                    Future<List<String>> ranA = pool.submit(tickA);
                    Future<List<String>> ranB = pool.submit(tickB);
                    List<String> all = new ArrayList<>(ranA.get());
                    all.addAll(ranB.get());
                    if (round == 0 || round == 3) {
                        // a new day: both jobs are due; each ran on exactly one instance
                        assertThat(all).as("round %d", round).containsExactlyInAnyOrder("list-refresh", "due-dates");
                    } else {
                        // an hour later: the refresh runs again (once), the daily job does not
                        assertThat(all).as("round %d", round).containsExactly("list-refresh");
                    }
                    clock.advance(round == 2 ? Duration.ofDays(1) : Duration.ofHours(1));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void onH2EachJobRunsOnceAcrossTwoInstances() throws Exception {
        eachJobRunsOnce(Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-jobs")) + ";LOCK_TIMEOUT=10000");
    }

    @Test
    @EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
    void onPostgresEachJobRunsOnceAcrossTwoInstances() throws Exception {
        eachJobRunsOnce(TestPostgres.freshDatabase());
    }
}
