package edu.scrutiny.app.desk;

import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Screens batches in the background of a running server, one at a time per instance (a batch of
 * 100,000 names takes a couple of minutes; two would only share the same cores).
 *
 * <p>Nothing is lost to a stop or a crash: the rows are stored before the batch is queued, each
 * chunk of rows is screened and recorded in one transaction, and an instance renews a heartbeat on
 * every batch it holds. A batch whose heartbeat is older than {@link #STALE} (its instance stopped or
 * died) is taken over by whichever instance sweeps first, at start and every {@link #SWEEP}, and
 * resumed from its first row not screened. A batch fails (with the reason) only when screening it
 * throws.
 */
@Component
@ConditionalOnWebApplication
class BatchRunner {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofSeconds(60);
    static final Duration SWEEP = Duration.ofSeconds(15);
    /** Rows screened and recorded per transaction. */
    static final int CHUNK = 200;
    /** Candidates kept per row, as the command line's {@code screen} keeps by default. */
    static final int CANDIDATES = 5;

    private final Screening screening;
    private final HitClearances clearances;
    private final BatchStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening-batch");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "screening-batch-heartbeat");
        t.setDaemon(true);
        return t;
    });
    /** The batches this instance holds: queued on its worker or running there. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    BatchRunner(Screening screening, HitClearances clearances, BatchStore store, TransactionTemplate tx, Clock clock) {
        this.screening = screening;
        this.clearances = clearances;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sweepQuietly, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a batch this instance has just recorded (its heartbeat is fresh: nobody else takes it). */
    void enqueue(long id) {
        if (stopping || !held.add(id)) {
            return;
        }
        worker.submit(() -> run(id));
    }

    /** Takes over the unfinished batches nobody renews, and queues them here. Returns how many. */
    int sweep() {
        Instant now = clock.instant();
        int taken = 0;
        for (long id : store.abandoned(now.minus(STALE))) {
            if (!held.contains(id) && store.claim(id, now, now.minus(STALE))) {
                log.info("batch {}: taken over (its heartbeat had stopped); resuming from its first row not screened", id);
                enqueue(id);
                taken++;
            }
        }
        return taken;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("batch sweep failed: {}", e.toString());
        }
    }

    private void beat() {
        try {
            Instant now = clock.instant();
            for (long id : held) {
                store.heartbeat(id, now);
            }
        } catch (RuntimeException e) {
            log.warn("batch heartbeat failed: {}", e.toString());
        }
    }

    private void run(long id) {
        try {
            BatchStatus batch = store.status(id).orElse(null);
            if (batch == null || batch.finished()) {
                return;
            }
            store.running(id);
            long started = System.nanoTime();
            while (!stopping) {
                List<BatchFile.Row> rows = store.pending(id, CHUNK);
                if (rows.isEmpty()) {
                    tx.executeWithoutResult(s -> store.finish(id, clock.instant()));
                    log.info("batch {}: {} rows screened in {} ms", id, batch.rowsTotal(), (System.nanoTime() - started) / 1_000_000);
                    return;
                }
                screen(id, batch, rows);
            }
            log.info("batch {}: stopping; the rows not screened yet are resumed by the next instance to sweep", id);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another instance took the batch over (this one's heartbeat lapsed) and screened these rows first: it goes on
            log.info("batch {}: another instance holds it now; leaving it to that one", id);
        } catch (RuntimeException e) {
            log.warn("batch {} failed", id, e);
            try {
                tx.executeWithoutResult(s -> store.fail(id, "screening failed: " + e.getMessage(), clock.instant()));
            } catch (RuntimeException again) {
                log.warn("batch {}: the failure could not be recorded ({}); another instance will resume it", id, again.toString());
            }
        } finally {
            held.remove(id);
        }
    }

    private void screen(long id, BatchStatus batch, List<BatchFile.Row> rows) {
        // one batch for the file's rows: it remembers the words it expanded, so later rows cost less
        ScreeningSnapshot.Batch snapshot = screening.snapshot().batch();
        List<Integer> rowNos = new ArrayList<>(rows.size());
        List<BatchStore.Found> found = new ArrayList<>();
        int withHits = 0;
        int withCandidates = 0;
        for (BatchFile.Row r : rows) {
            double threshold = Thresholds.defaultFor(r.schema());
            List<Hit> hits = snapshot.screen(new ScreeningQuery(r.name(), r.schema(), r.countries(), r.birthDate(), null), batch.asOf(),
                    batch.lists(), CANDIDATES, Math.min(YenteController.FLOOR, threshold));
            boolean anyMatch = false;
            for (int i = 0; i < hits.size(); i++) {
                Hit h = hits.get(i);
                boolean match = h.score() >= threshold;
                anyMatch |= match;
                found.add(new BatchStore.Found(r.rowNo(), i + 1, h, match, clearances.isCleared(h)));
            }
            rowNos.add(r.rowNo());
            withHits += anyMatch ? 1 : 0;
            withCandidates += hits.isEmpty() ? 0 : 1;
        }
        int hitsFinal = withHits;
        int candidatesFinal = withCandidates;
        tx.executeWithoutResult(s -> store.screened(id, rowNos, found, hitsFinal, candidatesFinal, clock.instant()));
    }

    /**
     * On shutdown: the chunk being screened finishes (one transaction), nothing more starts, and the
     * heartbeat stops, so that the next instance to sweep resumes the batch after {@link #STALE}.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        worker.shutdown();
        if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
