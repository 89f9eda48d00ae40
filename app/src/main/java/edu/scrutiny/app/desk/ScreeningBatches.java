package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.TooLarge;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Batch screening, part of the desk module's API: a file of names is checked whole, recorded as ONE
 * entry of the screening log (channel {@code BATCH}) with its rows, and screened in the background
 * ({@code BatchRunner}); its progress is read here, and its results once it is done. The batch id is
 * its screening id.
 */
@Service
public class ScreeningBatches {
    /** Results are read from the database this many rows at a time, so that a 100,000-row batch streams. */
    private static final int RESULT_PAGE = 500;

    private final ScreeningLog log;
    private final Screening screening;
    private final DeskStore desk;
    private final BatchStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<BatchRunner> runner;
    private final Clock clock;
    private final int maxRows;
    private final DataSize maxFileSize;

    ScreeningBatches(ScreeningLog log, Screening screening, DeskStore desk, BatchStore store, TransactionTemplate tx,
                     ApplicationEventPublisher events, ObjectProvider<BatchRunner> runner, Clock clock,
                     @Value("${scrutiny.screening.batch-max-rows:100000}") int maxRows,
                     @Value("${scrutiny.screening.batch-max-file-size:50MB}") DataSize maxFileSize) {
        if (maxRows < 1) {
            throw new IllegalStateException("scrutiny.screening.batch-max-rows: " + maxRows + " is not a positive number of rows");
        }
        this.log = log;
        this.screening = screening;
        this.desk = desk;
        this.store = store;
        this.tx = tx;
        this.events = events;
        this.runner = runner;
        this.clock = clock;
        this.maxRows = maxRows;
        this.maxFileSize = maxFileSize;
    }

    public int maxRows() {
        return maxRows;
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    /**
     * Checks a file and the batch's options, records the batch with its rows and queues it.
     *
     * @param source   the request, for messages
     * @param fileName the file's name as uploaded (its base name is kept)
     * @param size     the upload's size, checked before its bytes are read
     * @param watch    whether monitoring screens the rows again when a list version is imported (a watched batch)
     * @throws InvalidInput naming the row and column of every problem; nothing is recorded
     * @throws TooLarge     for a file over the size or row limit; nothing is recorded
     */
    public BatchStatus submit(String source, String fileName, long size, BytesSupplier bytes, String purpose, List<String> lists,
                              LocalDate asOf, boolean watch, Actor actor) {
        ScreeningLog.requireScreener(actor);
        if (size > maxFileSize.toBytes()) {
            throw new TooLarge(String.format(Locale.ROOT, "the file is %,d bytes; a batch file may be at most %,d bytes "
                    + "(scrutiny.screening.batch-max-file-size)", size, maxFileSize.toBytes()));
        }
        String file = baseName(fileName);
        // the options are checked as a desk query's are (lists held, purpose's length); the name stands for the file
        DeskQuery options = DeskQueries.check(source, "batch " + file, null, null, null, lists, asOf, purpose, false, log.listKeys(),
                log.today());
        List<BatchFile.Row> rows = BatchFile.read(source, file, bytes.get(), maxRows);
        DeskQuery q = new DeskQuery(file, null, List.of(), null, options.lists(), options.asOf(), options.purpose(), watch);
        ScreeningSnapshot snapshot = screening.snapshot();
        List<LoggedScreening.UsedVersion> versions = new ArrayList<>();
        for (StoredListVersion v : snapshot.versionsInForce(q.asOf())) {
            if (q.lists() == null || q.lists().contains(v.listKey())) {
                versions.add(new LoggedScreening.UsedVersion(v.listKey(), v.id(), v.effectiveFrom(), v.sha256()));
            }
        }
        Instant now = clock.instant();
        long id = tx.execute(status -> {
            long sid = desk.insertScreening(actor.username(), now, Channel.BATCH, q, versions, 0, Outcome.NO_HITS, false);
            store.insertBatch(sid, file, rows.size(), now);
            store.insertRows(sid, rows);
            events.publishEvent(new ScreeningLogged(new LoggedScreening(sid, actor.username(), now, Channel.BATCH, q, versions, 0,
                    Outcome.NO_HITS, false, List.of(), List.of())));
            return sid;
        });
        BatchRunner r = runner.getIfAvailable();
        if (r != null) {
            r.enqueue(id);
        }
        return status(id, actor);
    }

    /** The bytes of an upload, read only once the size is known to be acceptable. */
    @FunctionalInterface
    public interface BytesSupplier {
        byte[] get();
    }

    /** A batch's progress. */
    public BatchStatus status(long id, Actor actor) {
        ScreeningLog.requireReader(actor);
        return store.status(id).orElseThrow(() -> new NotFound("batch " + id));
    }

    /** Whether a logged screening is a batch (its page is the batch's). */
    public boolean isBatch(long id) {
        return store.isBatch(id);
    }

    /** A finished batch's results: one line per candidate, a row without any once. */
    public record Results(BatchStatus batch, Iterable<BatchResultRow> rows) {
    }

    /**
     * The results of a batch that is done, read a page at a time as they are written out.
     *
     * @throws Conflict while the batch is queued or running, or when it failed
     */
    public Results results(long id, Actor actor) {
        BatchStatus s = status(id, actor);
        if (!BatchStatus.DONE.equals(s.state())) {
            throw new Conflict("batch " + id + " is " + s.state() + (s.failure() == null ? "" : " (" + s.failure() + ")")
                    + String.format(Locale.ROOT, ": %,d of %,d rows screened; its results are ready when it is done", s.rowsDone(),
                    s.rowsTotal()));
        }
        Iterable<BatchResultRow> rows = () -> new Iterator<>() {
            private int after;
            private Iterator<BatchResultRow> page = List.<BatchResultRow>of().iterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && after < s.rowsTotal()) {
                    page = store.results(id, after, after + RESULT_PAGE).iterator();
                    after += RESULT_PAGE;
                }
                return page.hasNext();
            }

            @Override
            public BatchResultRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return new Results(s, rows);
    }

    private static String baseName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        n = n.replaceAll("\\p{Cntrl}", "");
        if (n.isEmpty()) {
            return "upload";
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }
}
