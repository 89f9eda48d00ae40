package edu.scrutiny.app.monitoring.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Leases in the database that make a scheduled job run once across every instance sharing it:
 * an instance runs a job only after moving its lease forward with one conditional UPDATE, which
 * at most one instance can win until the lease runs out. The lease is kept, not released, when
 * the job ends: it is the job's period, so a second instance ticking a moment later finds it taken.
 */
@Component
public class JobLocks {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String me = "instance-" + UUID.randomUUID();

    JobLocks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the job's lease for the period if no instance holds it; true if this instance may run the job. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String job, Duration period) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(period));
        // the jobs' rows are made by the migration, so that taking a lease never races an insert
        if (jdbc.sql("SELECT COUNT(*) FROM job_lock WHERE name = :n").param("n", job).query(Integer.class).single() == 0) {
            throw new IllegalArgumentException("no job '" + job + "' in job_lock");
        }
        return jdbc.sql("UPDATE job_lock SET locked_until = :u, locked_by = :me WHERE name = :n AND locked_until <= :now")
                .param("u", until).param("me", me).param("n", job).param("now", Timestamp.from(now)).update() == 1;
    }

    public String instance() {
        return me;
    }
}
