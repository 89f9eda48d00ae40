package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.monitoring.internal.JobLocks;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scheduled jobs of a running server ({@code scrutiny serve}, {@code scrutiny demo}): every
 * tick, refresh the list sources that are due; once a day, check due dates and re-assess the
 * engagements an ownership rule's arriving date changes ({@link OwnershipRuleDates}). Each job runs on one
 * instance only, whichever takes its lease in the database first ({@link JobLocks}); the lease is
 * held while the job runs and released when it ends. Single commands do not schedule anything.
 *
 * <p>Stopping (SIGTERM): no new job step starts once the context closes; the step running (one
 * list's refresh, which is one import transaction) finishes, its lease is released, and only then do
 * the database connections close.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "scrutiny.scheduling.enabled", havingValue = "true")
public class MonitoringJobs {
    private static final Logger log = LoggerFactory.getLogger(MonitoringJobs.class);
    /** The correlation id's key in the logging context, the same as a request's. */
    static final String REQUEST_ID = "request_id";
    private final JobLocks locks;
    private final ListSources sources;
    private final DueDates dueDates;
    private final OwnershipRuleDates ruleDates;
    private final Duration tick;
    private final Duration shutdownWait;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopping;

    MonitoringJobs(JobLocks locks, ListSources sources, DueDates dueDates, OwnershipRuleDates ruleDates,
                   @Value("${scrutiny.monitoring.tick:PT1M}") Duration tick,
                   @Value("${spring.lifecycle.timeout-per-shutdown-phase:PT30S}") Duration shutdownWait) {
        this.locks = locks;
        this.sources = sources;
        this.dueDates = dueDates;
        this.ruleDates = ruleDates;
        this.tick = tick;
        this.shutdownWait = shutdownWait;
    }

    @Scheduled(fixedDelayString = "${scrutiny.monitoring.tick:PT1M}", initialDelayString = "${scrutiny.monitoring.tick:PT1M}")
    void scheduled() throws InterruptedException {
        tick();
    }

    /** One tick: each job runs if this instance wins its lease. Returns which jobs ran here. */
    public List<String> tick() throws InterruptedException {
        List<String> ran = new ArrayList<>();
        if (stopping || !running.tryLock()) {
            return ran;
        }
        try {
            // the refresh may run again a little before the next tick; each source is refreshed only when due
            if (run("list-refresh", tick.multipliedBy(9).dividedBy(10), () -> {
                for (RefreshOutcome o : sources.refreshDue(() -> stopping)) {
                    log.info("refresh: {}", o.message());
                }
            })) {
                ran.add("list-refresh");
            }
            if (run("due-dates", Duration.ofHours(23), () -> {
                log.info("due dates checked: {} alerts raised", dueDates.check());
                log.info("ownership rule dates checked: {} engagements' assessments changed", ruleDates.check());
            })) {
                ran.add("due-dates");
            }
        } finally {
            running.unlock();
        }
        return ran;
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    /** Runs a job under its lease, logging one line with its correlation id; false when another instance has it. */
    private boolean run(String job, Duration interval, Step step) throws InterruptedException {
        if (stopping) {
            return false;
        }
        Optional<JobLocks.Lease> lease = locks.acquire(job, interval);
        if (lease.isEmpty()) {
            return false;
        }
        String previous = MDC.get(REQUEST_ID);
        MDC.put(REQUEST_ID, "job-" + job + "-" + UUID.randomUUID().toString().substring(0, 8));
        long started = System.nanoTime();
        String outcome = "failed";
        try (JobLocks.Lease held = lease.get()) {
            step.run();
            outcome = held.held() ? "done" : "done, but the lease was lost meanwhile";
            return true;
        } finally {
            log.info("job {} {} in {} ms on {}", job, outcome, (System.nanoTime() - started) / 1_000_000, locks.instance());
            if (previous == null) {
                MDC.remove(REQUEST_ID);
            } else {
                MDC.put(REQUEST_ID, previous);
            }
        }
    }

    /**
     * On shutdown: start no new job step, and wait (up to the shutdown phase's timeout) for the
     * running one to finish and release its lease, before the database goes away.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        if (running.tryLock(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
            running.unlock();
        } else {
            log.warn("a job step still runs after {}; its lease runs out by itself", shutdownWait);
        }
    }
}
