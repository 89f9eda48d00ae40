package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.monitoring.internal.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The scheduled jobs of a running server ({@code scrutiny serve}, {@code scrutiny demo}): every
 * tick, refresh the list sources that are due; once a day, check due dates and re-assess the
 * engagements an ownership rule's arriving date changes ({@link OwnershipRuleDates}). Each job runs on one
 * instance only, whichever takes its lease in the database first ({@link JobLocks}). Single
 * commands do not schedule anything.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "scrutiny.scheduling.enabled", havingValue = "true")
public class MonitoringJobs {
    private static final Logger log = LoggerFactory.getLogger(MonitoringJobs.class);
    private final JobLocks locks;
    private final ListSources sources;
    private final DueDates dueDates;
    private final OwnershipRuleDates ruleDates;
    private final Duration tick;

    MonitoringJobs(JobLocks locks, ListSources sources, DueDates dueDates, OwnershipRuleDates ruleDates,
                   @Value("${scrutiny.monitoring.tick:PT1M}") Duration tick) {
        this.locks = locks;
        this.sources = sources;
        this.dueDates = dueDates;
        this.ruleDates = ruleDates;
        this.tick = tick;
    }

    @Scheduled(fixedDelayString = "${scrutiny.monitoring.tick:PT1M}", initialDelayString = "${scrutiny.monitoring.tick:PT1M}")
    void scheduled() throws InterruptedException {
        tick();
    }

    /** One tick: each job runs if this instance wins its lease. Returns which jobs ran here. */
    public java.util.List<String> tick() throws InterruptedException {
        java.util.List<String> ran = new java.util.ArrayList<>();
        // the lease is a little shorter than the tick, so the next tick of any instance can take it
        if (locks.tryAcquire("list-refresh", tick.multipliedBy(9).dividedBy(10))) {
            ran.add("list-refresh");
            for (RefreshOutcome o : sources.refreshDue()) {
                log.info("refresh: {}", o.message());
            }
        }
        if (locks.tryAcquire("due-dates", Duration.ofHours(23))) {
            ran.add("due-dates");
            int raised = dueDates.check();
            log.info("due dates checked: {} alerts raised", raised);
            int reassessed = ruleDates.check();
            log.info("ownership rule dates checked: {} engagements' assessments changed", reassessed);
        }
        return ran;
    }
}
