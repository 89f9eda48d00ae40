package edu.scrutiny.app.lists;

import edu.scrutiny.app.lists.internal.ListRepository;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListDiff;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.Lists;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lists module's API. An import reads the whole list first (so a file that fails to parse
 * changes nothing), then writes the version and every entry in one transaction, with the list's
 * row locked so that two imports of one list take turns; the event that rebuilds the screening
 * index is published only after the commit.
 */
@Service
public class ListCatalog {
    private final ListRepository repository;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Lists lists = Lists.standard();

    ListCatalog(ListRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** What the importer reports as it goes, for a progress display. */
    public interface ImportProgress {
        void read(long entries);

        void storing(int total);

        void stored(int done, int total);

        ImportProgress NONE = new ImportProgress() {
            @Override
            public void read(long entries) {
            }

            @Override
            public void storing(int total) {
            }

            @Override
            public void stored(int done, int total) {
            }
        };
    }

    /**
     * Imports a list file, directory or archive as a new version.
     *
     * @param effectiveFrom from when the version is in force (today when null)
     * @param category      the category of entries whose format does not carry one (Scrutiny CSV);
     *                      null for the default, {@code watchlist}
     * @param by            who imports it (a user name, {@code command line}, {@code api}), for the audit trail
     * @throws InvalidInput           for a category given to a format that carries its own
     * @throws edu.scrutiny.lists.ListFormatException for a file that is not a list or fails to parse
     */
    public ImportResult importList(Path path, LocalDate effectiveFrom, ListCategory category, ImportProgress progress,
                                   String by) throws IOException {
        return importList(path, path.toAbsolutePath().normalize().toString(), effectiveFrom, category, progress, by);
    }

    /**
     * Imports a list as {@link #importList(Path, LocalDate, ListCategory, ImportProgress, String)} does, recording
     * {@code source} as where it came from (for an upload, the file's name rather than a temporary path).
     */
    public ImportResult importList(Path path, String source, LocalDate effectiveFrom, ListCategory category,
                                   ImportProgress progress, String by) throws IOException {
        return importList(path, source, effectiveFrom, category, progress, by, ImportCheck.NONE);
    }

    /**
     * A last look at a list read in full before it is stored: a refresh refuses a file that holds
     * another list, or implausibly fewer entries than the version in force.
     */
    public interface ImportCheck {
        /** Throws {@link InvalidInput} to refuse; nothing is then stored. */
        void check(String listKey, int entries, Optional<StoredListVersion> latest);

        ImportCheck NONE = (listKey, entries, latest) -> { };
    }

    /** Imports as above, after the check has seen the list read in full. */
    public ImportResult importList(Path path, String source, LocalDate effectiveFrom, ListCategory category,
                                   ImportProgress progress, String by, ImportCheck check) throws IOException {
        DetectedList detected = lists.detectOne(path);
        if (category != null && detected.format() != ListFormat.SCRUTINY_CSV && detected.format() != ListFormat.FTM_JSON
                && detected.format() != ListFormat.FTM_NESTED_JSON) {
            throw new InvalidInput(path.toString(), "--category", "the " + detected.format().description()
                    + " format carries its own categories; --category is for Scrutiny CSV and FollowTheMoney files");
        }
        ListCategory fallback = category == null ? ListCategory.WATCHLIST : category;
        Instant retrievedAt = clock.instant();
        List<ListEntry> entries = new ArrayList<>();
        ListReader.ReadSummary summary = detected.read(e -> {
            entries.add(e.category() == null ? e.toBuilder().category(fallback).build() : e);
            if (entries.size() % 10_000 == 0) {
                progress.read(entries.size());
            }
        });
        progress.read(entries.size());
        if (entries.isEmpty()) {
            throw new InvalidInput(path.toString(), "", "holds no entries; an empty list version would delist everything, so it is refused");
        }
        String sha256 = detected.source().sha256();
        LocalDate effective = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        String listKey = summary.listKey();
        List<StoredListVersion> existing = repository.versions(listKey);
        check.check(listKey, entries.size(), existing.isEmpty() ? Optional.empty() : Optional.of(existing.get(existing.size() - 1)));

        ImportResult result = transactions.execute(tx -> {
            Instant now = clock.instant();
            repository.lockList(listKey, fallback.key(), now);
            List<StoredListVersion> versions = repository.versions(listKey);
            Optional<StoredListVersion> same = versions.stream()
                    .filter(v -> v.sha256().equals(sha256) && v.effectiveFrom().equals(effective)).findFirst();
            if (same.isPresent()) {
                return new ImportResult(same.get(), null, true, 0, 0, 0, same.get().entries());
            }
            StoredListVersion previous = versions.stream()
                    .filter(v -> !v.effectiveFrom().isAfter(effective))
                    .max(Comparator.comparing(StoredListVersion::effectiveFrom).thenComparing(StoredListVersion::id))
                    .orElse(null);
            long id = repository.insertVersion(listKey, detected.format().key(), fallback.key(), source, sha256,
                    retrievedAt, effective, entries.size(), now);
            progress.storing(entries.size());
            List<String> hashes = repository.insertEntries(id, entries, done -> progress.stored(done, entries.size()));
            progress.stored(entries.size(), entries.size());
            ListDiff diff = ListDiff.between(previous == null ? List.of() : entriesAgainst(previous.id(), entries, hashes), entries);
            repository.insertChanges(id, diff);
            return new ImportResult(repository.version(id).orElseThrow(), previous, false,
                    diff.added().size(), diff.removed().size(), diff.changed().size(), diff.unchanged());
        });
        if (!result.duplicate()) {
            events.publishEvent(new ListVersionImported(listKey, result.version().id(),
                    result.previous() == null ? null : result.previous().id(), result.added(), result.removed(), result.changed(), by));
        }
        return result;
    }

    /**
     * What a version changed against the version before it: the entries it added and changed (as
     * stored in it) and the ids it removed. Reads only the change, however long the list.
     */
    public VersionChange changes(long versionId) {
        return repository.changes(versionId);
    }

    /** A list's latest version in effect order, if it has one. */
    public Optional<StoredListVersion> latest(String listKey) {
        List<StoredListVersion> versions = repository.versions(listKey);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Whether a version is its list's latest in effect order (the one monitoring reacts to). */
    public boolean isLatest(long versionId) {
        StoredListVersion v = repository.version(versionId).orElseThrow();
        List<StoredListVersion> versions = repository.versions(v.listKey());
        return versions.get(versions.size() - 1).id() == versionId;
    }

    public List<ListSummary> lists() {
        List<ListSummary> out = new ArrayList<>();
        for (String key : repository.listKeys()) {
            List<StoredListVersion> versions = repository.versions(key);
            out.add(new ListSummary(key, repository.listCategory(key).orElse(null), repository.enabled(key), versions.size(),
                    versions.isEmpty() ? null : versions.get(versions.size() - 1)));
        }
        return out;
    }

    /** A list's versions in the order they take effect. */
    public List<StoredListVersion> versions(String listKey) {
        return repository.versions(listKey);
    }

    public List<StoredListVersion> allVersions() {
        return repository.allVersions();
    }

    public Optional<StoredListVersion> version(long id) {
        return repository.version(id);
    }

    /** The entries of a version. */
    public List<ListEntry> entries(long versionId) {
        List<ListEntry> out = new ArrayList<>();
        repository.streamEntries(versionId, e -> out.add(e.entry()));
        return out;
    }

    /**
     * The entries of a stored version, to diff a new one against: where the new version holds an entry
     * with the same id and content hash (the hash of its whole document), that entry itself, equal to
     * the stored one, rather than the stored document decoded again. Most of a list is the same from one
     * version to the next, and decoding every stored entry was a tenth of an import (JFR, 2026-12-04).
     *
     * @param hashes the new entries' content hashes, in their order
     */
    private List<ListEntry> entriesAgainst(long versionId, List<ListEntry> entries, List<String> hashes) {
        Map<String, Integer> unique = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            // ids are unique within a version (the readers refuse a file that repeats one); were one repeated, it is decoded
            unique.merge(entries.get(i).sourceId(), i, (a, b) -> -1);
        }
        List<ListEntry> out = new ArrayList<>();
        repository.streamEntryRows(versionId, row -> {
            int i = unique.getOrDefault(row.sourceId(), -1);
            out.add(i >= 0 && hashes.get(i).equals(row.contentSha()) ? entries.get(i) : row.entry());
        });
        return out;
    }

    /** A page of a version's entries with their content hashes, in the order they were stored. */
    public List<StoredEntry> entries(long versionId, long offset, int limit) {
        return repository.entries(versionId, offset, limit);
    }

    /** The entries of a version with their content hashes, streamed. */
    public void streamEntries(long versionId, Consumer<StoredEntry> sink) {
        repository.streamEntries(versionId, sink);
    }

    /** The same, each entry's document decoded only if the sink asks ({@link StoredEntryRow#entry()}). */
    public void streamEntryRows(long versionId, Consumer<StoredEntryRow> sink) {
        repository.streamEntryRows(versionId, sink);
    }

    /** Changes whenever a version is stored or a list enabled or disabled, by any instance sharing the database. */
    public String fingerprint() {
        return repository.fingerprint();
    }

    public boolean enabled(String listKey) {
        return repository.enabled(listKey);
    }
}
