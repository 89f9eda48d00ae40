package edu.scrutiny.app.monitoring.internal;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Leases in the database that make a scheduled job run once across every instance sharing it.
 *
 * <p>An instance runs a job only after taking its lease with one conditional UPDATE, which at most
 * one instance can win: the lease must have run out ({@code locked_until}) and the job must be due
 * ({@code next_run_at}). While the job runs, a heartbeat renews the lease every
 * {@code scrutiny.jobs.heartbeat} for another {@code scrutiny.jobs.lease}, so a job longer than its
 * lease is never started twice; when the job ends the lease is released and the job's next run set.
 * An instance that dies (or stops renewing) loses the lease within {@code scrutiny.jobs.lease}, and
 * another instance then takes the job over. The heartbeat must be well inside the lease, so that a
 * slow database round trip does not let a live holder's lease run out.
 */
@Component
public class JobLocks {
    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final Duration heartbeat;
    private final String me = "instance-" + UUID.randomUUID();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-lease-heartbeat");
        t.setDaemon(true);
        return t;
    });

    JobLocks(JdbcClient jdbc, Clock clock,
             @Value("${scrutiny.jobs.lease:PT2M}") Duration lease,
             @Value("${scrutiny.jobs.heartbeat:PT30S}") Duration heartbeat) {
        if (lease.isNegative() || lease.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("scrutiny.jobs.lease and scrutiny.jobs.heartbeat must be positive durations");
        }
        if (heartbeat.multipliedBy(2).compareTo(lease) > 0) {
            throw new IllegalArgumentException("scrutiny.jobs.heartbeat (" + heartbeat + ") must be at most half of scrutiny.jobs.lease ("
                    + lease + "), or a live holder may lose its lease between two renewals");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.heartbeat = heartbeat;
    }

    /** A lease this instance holds; closing it releases the lease and sets when the job may run next. */
    public final class Lease implements AutoCloseable {
        private final String job;
        private final Instant nextRun;
        private final ScheduledFuture<?> renewal;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Lease(String job, Instant nextRun) {
            this.job = job;
            this.nextRun = nextRun;
            long every = heartbeat.toMillis();
            this.renewal = heartbeats.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                Instant now = clock.instant();
                int renewed = jdbc.sql("UPDATE job_lock SET locked_until = :u WHERE name = :n AND locked_by = :me")
                        .param("u", Timestamp.from(now.plus(lease))).param("n", job).param("me", me).update();
                if (renewed == 0 && held.compareAndSet(true, false)) {
                    log.warn("job {}: lease lost to another instance; it will not be renewed", job);
                    renewal.cancel(false);
                }
            } catch (RuntimeException e) {
                // the database may be briefly out of reach: keep trying until the lease runs out
                log.warn("job {}: could not renew the lease: {}", job, e.getMessage());
            }
        }

        /** Whether this instance still holds the lease (false once another instance took it over). */
        public boolean held() {
            return held.get();
        }

        @Override
        public void close() {
            renewal.cancel(false);
            if (held.compareAndSet(true, false)) {
                release(job, nextRun);
            }
        }
    }

    /**
     * Takes the job's lease if no instance holds it and the job is due; the lease is then renewed
     * until closed. {@code interval} is how long after this start the job may run again.
     */
    public Optional<Lease> acquire(String job, Duration interval) {
        Instant now = clock.instant();
        if (!take(job, now)) {
            return Optional.empty();
        }
        return Optional.of(new Lease(job, now.plus(interval)));
    }

    private boolean take(String job, Instant now) {
        // the jobs' rows are made by the migrations, so that taking a lease never races an insert
        if (jdbc.sql("SELECT COUNT(*) FROM job_lock WHERE name = :n").param("n", job).query(Integer.class).single() == 0) {
            throw new IllegalArgumentException("no job '" + job + "' in job_lock");
        }
        return jdbc.sql("""
                        UPDATE job_lock SET locked_until = :u, locked_by = :me
                        WHERE name = :n AND locked_until <= :now AND next_run_at <= :now""")
                .param("u", Timestamp.from(now.plus(lease))).param("me", me).param("n", job).param("now", Timestamp.from(now))
                .update() == 1;
    }

    private void release(String job, Instant nextRun) {
        try {
            jdbc.sql("UPDATE job_lock SET locked_until = :now, next_run_at = :next WHERE name = :n AND locked_by = :me")
                    .param("now", Timestamp.from(clock.instant())).param("next", Timestamp.from(nextRun))
                    .param("n", job).param("me", me).update();
        } catch (RuntimeException e) {
            // the lease runs out by itself within scrutiny.jobs.lease
            log.warn("job {}: could not release the lease: {}", job, e.getMessage());
        }
    }

    public String instance() {
        return me;
    }

    /**
     * Stops renewing: an instance that stops lets its leases run out (a job still running was given
     * time to end first, see MonitoringJobs). Public so that a test can make an instance die as a
     * killed one does, its job hanging and its leases unrenewed.
     */
    @PreDestroy
    public void stopRenewing() {
        heartbeats.shutdownNow();
    }
}
