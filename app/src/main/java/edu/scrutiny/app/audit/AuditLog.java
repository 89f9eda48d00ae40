package edu.scrutiny.app.audit;

import edu.scrutiny.app.audit.internal.AuditHash;
import edu.scrutiny.app.audit.internal.AuditStore;
import edu.scrutiny.app.support.Documents;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit trail's API: append a record, verify the chain, export it, read an object's records.
 *
 * <p>The trail is append-only. No code path in Scrutiny updates or deletes a record of {@code
 * audit_log}: records are only inserted (a test checks the sources for it), so any change to the
 * table is someone's doing outside Scrutiny, and {@link #verify()} finds it.
 *
 * <p>Each record's hash is the SHA-256 of its content (seq, recorded_at, actor, action, object
 * type and id, before and after) and the previous record's hash; see {@link AuditHash} and the
 * README for the exact encoding, which anyone can recompute with another tool.
 *
 * <p>Appending joins the caller's transaction ({@link Propagation#REQUIRED}; a new one when there
 * is none), so an action and its record commit or roll back together. The record is written when
 * that transaction commits (just before, inside it): then the append locks the one row of {@code
 * audit_head} ({@code SELECT ... FOR UPDATE}), takes the next seq and the last hash from it, inserts
 * the records of the transaction in the order they were appended, and moves the head. Appends from
 * any number of threads and application instances on one database thus take turns, and the chain
 * never forks; the lock is held only for the last moment of each transaction, not while the action
 * itself works. A transaction's records are not visible to {@link #recent} before it commits.
 */
@Service
public class AuditLog {
    private static final int PAGE = 1000;

    private final AuditStore store;
    private final Clock clock;

    AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends a record to the trail, in the caller's transaction.
     *
     * @param actor      who: a user name, {@code system}, {@code command line}, {@code api}
     * @param action     what, e.g. {@code engagement.submitted}
     * @param objectType the kind of object, e.g. {@code engagement}; may be null
     * @param objectId   the object's id; may be null
     * @param before     the object before the action (any value, stored as JSON), or null
     * @param after      the object after the action (any value, stored as JSON), or null
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void append(String actor, String action, String objectType, String objectId, Object before, Object after) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit record needs an actor");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit record needs an action");
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("an audit record cannot be appended in a read-only transaction");
        }
        Pending record = new Pending(actor, action, objectType, objectId,
                before == null ? null : Documents.toJson(before), after == null ? null : Documents.toJson(after));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(record)); // not reached through the proxy, which always begins or joins a transaction
            return;
        }
        batch().add(record);
    }

    /**
     * Recomputes the chain from the first record to the last: every record's hash from its content
     * and prev_hash, every prev_hash against the hash of the record before it, and the last record
     * against the head. Gaps in seq are not faults by themselves; a record removed shows as the next
     * record's prev_hash not matching. Safe while others append: records committed meanwhile are
     * verified too.
     */
    public AuditVerification verify() {
        String expected = AuditHash.GENESIS;
        Long previous = null;
        long cursor = Long.MIN_VALUE;
        long count = 0;
        while (true) {
            List<AuditRecord> page = store.page(cursor, PAGE);
            for (AuditRecord r : page) {
                Optional<String> fault = fault(r, previous, expected);
                if (fault.isPresent()) {
                    return AuditVerification.broken(count, r.seq(), fault.get());
                }
                expected = r.hash();
                previous = r.seq();
                cursor = r.seq();
                count++;
            }
            if (page.size() == PAGE) {
                continue;
            }
            AuditStore.Head head = store.head();
            long last = previous == null ? 0 : previous;
            if (head.lastSeq() == last) {
                if (!head.lastHash().equals(expected)) {
                    return previous == null
                            ? AuditVerification.broken(count, 0, "the head of the chain was altered: it holds a hash though there are no records")
                            : AuditVerification.broken(count, last, "altered: it is the last record, but its hash is not the one appended"
                            + " (its content was changed and its hash recomputed)");
                }
                return AuditVerification.ok(count);
            }
            if (head.lastSeq() > last) {
                if (!store.page(cursor, 1).isEmpty()) {
                    continue; // appended meanwhile
                }
                long first = last + 1;
                return AuditVerification.broken(count, first, "removed: "
                        + (first == head.lastSeq() ? "record " + first + " is missing; it was the last record appended"
                        : "records " + first + " to " + head.lastSeq() + " are missing; " + head.lastSeq() + " was the last record appended"));
            }
            AuditRecord extra = store.page(head.lastSeq(), 1).getFirst();
            return AuditVerification.broken(store.countBefore(extra.seq()), extra.seq(),
                    "added: Scrutiny did not append it; the last record appended is " + head.lastSeq());
        }
    }

    /**
     * Every record in chain order, read a page at a time.
     *
     * @return the number of records
     */
    public long export(Consumer<AuditRecord> sink) {
        long cursor = Long.MIN_VALUE;
        long count = 0;
        while (true) {
            List<AuditRecord> page = store.page(cursor, PAGE);
            for (AuditRecord r : page) {
                sink.accept(r);
                cursor = r.seq();
                count++;
            }
            if (page.size() < PAGE) {
                return count;
            }
        }
    }

    /**
     * Writes every record as one line of JSON ({@link AuditRecord#toJsonLine()}), in chain order.
     *
     * @return the number of records
     */
    public long export(Writer out) {
        return export(r -> {
            try {
                out.write(r.toJsonLine());
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A page of the whole trail, newest first: up to {@code limit} records with a seq below {@code
     * beforeSeq} ({@link Long#MAX_VALUE} for the newest); the next page starts below the last seq returned.
     */
    public List<AuditRecord> newest(long beforeSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return store.newestBefore(beforeSeq, limit);
    }

    /** The head of the chain: the last record appended and its hash (seq 0 and the genesis hash when the trail is empty). */
    public ChainHead head() {
        AuditStore.Head head = store.head();
        return new ChainHead(head.lastSeq(), head.lastHash());
    }

    /** Where the chain stands: what a printed report quotes so that a reader can check it against the trail later. */
    public record ChainHead(long lastSeq, String lastHash) {
    }

    /** The last 100 records about one object, oldest first: its timeline. */
    public List<AuditRecord> recent(String objectType, String objectId) {
        return recent(objectType, objectId, 100);
    }

    /** The last {@code limit} records about one object, oldest first. */
    public List<AuditRecord> recent(String objectType, String objectId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return store.byObject(objectType, objectId, limit);
    }

    /** Why a record breaks the chain, if it does. */
    private static Optional<String> fault(AuditRecord r, Long previous, String expectedPrev) {
        boolean linked = expectedPrev.equals(r.prevHash());
        boolean intact = r.computedHash().equals(r.hash());
        if (linked && intact) {
            return Optional.empty();
        }
        if (linked) {
            return Optional.of("altered: its content does not match its hash");
        }
        String before = previous == null ? "64 zeros (it is the first record)" : "the hash of record " + previous + ", the one before it";
        if (!intact) {
            return Optional.of("altered or reordered: its content does not match its hash, and its prev_hash is not " + before);
        }
        if (previous == null) {
            return Optional.of("removed: it is the first record, but its prev_hash is not 64 zeros; the records before it are missing");
        }
        if (r.seq() > previous + 1) {
            long from = previous + 1;
            long to = r.seq() - 1;
            return Optional.of("removed: its prev_hash is not " + before + "; "
                    + (from == to ? "record " + from + " is missing" : "records " + from + " to " + to + " are missing"));
        }
        return Optional.of("removed or reordered: its prev_hash is not " + before
                + " (or record " + previous + " was altered and its hash recomputed)");
    }

    /** Writes records at the end of the chain; called when their transaction commits. */
    private void write(List<Pending> records) {
        if (records.isEmpty()) {
            return;
        }
        AuditStore.Head head = store.lockHead();
        long seq = head.lastSeq();
        String prev = head.lastHash();
        for (Pending p : records) {
            seq++;
            Instant at = AuditHash.truncate(clock.instant());
            String hash = AuditHash.of(seq, at, p.actor(), p.action(), p.objectType(), p.objectId(), p.before(), p.after(), prev);
            store.insert(new AuditRecord(seq, at, p.actor(), p.action(), p.objectType(), p.objectId(), p.before(), p.after(), prev, hash));
            prev = hash;
        }
    }

    /** The current transaction's batch of records, registered with it on the first append. */
    private Batch batch() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Batch b && b.owner() == this) {
                return b;
            }
        }
        Batch b = new Batch();
        TransactionSynchronizationManager.registerSynchronization(b);
        return b;
    }

    private record Pending(String actor, String action, String objectType, String objectId, String before, String after) {
    }

    /** A transaction's records, written just before it commits (after any other work done then). */
    private final class Batch implements TransactionSynchronization {
        private final List<Pending> waiting = new ArrayList<>();
        private boolean written;

        AuditLog owner() {
            return AuditLog.this;
        }

        void add(Pending p) {
            if (written) {
                write(List.of(p)); // appended by other work before the commit, after the batch was written
            } else {
                waiting.add(p);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            write(waiting);
            waiting.clear();
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
