package edu.scrutiny.app.institutions;

import edu.scrutiny.app.institutions.internal.InstitutionRepository;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.ror.RorDumpReader;
import edu.scrutiny.lists.ror.RorRecord;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.NameToken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The institutions module's API: imports ROR dumps, looks records up and resolves names to them.
 *
 * <p>An import reads the dump and writes its records in one transaction, then removes the previous
 * version's records in the same transaction: a dump that fails to read (not a ROR dump, truncated,
 * a record without names) rolls everything back and the previous version stays in force. Imports
 * take turns through a locked row. The event is published after the commit.
 *
 * <p>A name resolves to a record when its key (the matcher's normalised tokens) equals the key of
 * one of the record's names (display name, label, alias or acronym) and the party's country is one
 * of the record's countries; when several records qualify, the name is ambiguous and resolves to
 * none (an acronym such as "HIT" names several institutions of one country).
 */
@Service
public class Institutions {
    private static final int BATCH = 1_000;
    /** Renames rarely chain further; the bound keeps a cyclic or runaway chain cheap. */
    private static final int MAX_RENAMES = 10;

    private final InstitutionRepository repository;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final RorDumpReader reader = RorDumpReader.standard();

    Institutions(InstitutionRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Imports a ROR dump (schema v2, JSON or the published zip) as a new version, unless its bytes are
     * the version in force already.
     *
     * @param source what to record as its origin (a path, or {@code upload NAME})
     * @param by     who imports it, for the audit trail
     * @throws edu.scrutiny.lists.ListFormatException for a file that is not a ROR v2 dump or has a bad record; nothing is then changed
     */
    public InstitutionsImport importDump(Path path, String source, String by) throws IOException {
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new edu.scrutiny.lists.ListFormatException(path.toString(), "no such file; expected a ROR data dump (a .json or .zip file)");
        }
        InstitutionsImport result;
        try {
            result = store(path, source, by);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (!result.duplicate()) {
            events.publishEvent(new InstitutionsImported(result.version().id(),
                    result.previous() == null ? null : result.previous().id(), result.version().records(), by));
        }
        return result;
    }

    private InstitutionsImport store(Path path, String source, String by) {
        return transactions.execute(tx -> {
            repository.lockForImport();
            Optional<InstitutionsVersion> previous = repository.latest();
            String sha256 = previous.isPresent() ? ListSource.ofFile(path).sha256() : null;
            if (previous.isPresent() && previous.get().sha256().equals(sha256)) {
                return new InstitutionsImport(previous.get(), null, true);
            }
            long id = repository.insertVersion(source, sha256 == null ? "0".repeat(64) : sha256, clock.instant(), by);
            List<InstitutionRepository.Row> batch = new ArrayList<>(BATCH);
            RorDumpReader.Summary summary;
            try {
                summary = reader.read(path, r -> {
                    batch.add(row(r));
                    if (batch.size() == BATCH) {
                        repository.insertRecords(id, batch);
                        batch.clear();
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            repository.insertRecords(id, batch);
            repository.setRecordCount(id, summary.records());
            if (sha256 == null) {
                repository.setSha256(id, summary.sha256());
            }
            repository.removeRecordsOtherThan(id);
            return new InstitutionsImport(repository.latest().orElseThrow(), previous.orElse(null), false);
        });
    }

    private InstitutionRepository.Row row(RorRecord r) {
        List<String> keys = r.names().stream().map(n -> key(n.value())).filter(k -> !k.isEmpty()).distinct().toList();
        return new InstitutionRepository.Row(r.id(), r.displayName(), r.status(), String.join(",", r.countries()),
                Documents.toJson(r), keys);
    }

    /** The version in force, if a dump has been imported. */
    public Optional<InstitutionsVersion> current() {
        return repository.latest();
    }

    /** Every import, oldest first. */
    public List<InstitutionsVersion> versions() {
        return repository.versions();
    }

    /** A record of the version in force by its id, written in full ({@code https://ror.org/0...}) or short ({@code 0...}). */
    public Optional<RorRecord> find(String rorId) {
        Optional<String> id = RorRecord.canonicalId(rorId);
        Optional<InstitutionsVersion> version = repository.latest();
        if (id.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return repository.document(version.get().id(), id.get()).map(Institutions::read);
    }

    /** The most suggestions {@link #suggest} gives. */
    public static final int MAX_SUGGESTIONS = 10;

    /**
     * Records of the version in force with a name that begins as {@code typed} does (normalised as
     * names are: script, case, diacritics and punctuation folded), at most {@code limit} (up to
     * {@link #MAX_SUGGESTIONS}), for the intake form's suggestions; none without a dump or for fewer
     * than two letters typed.
     */
    public List<RorRecord> suggest(String typed, int limit) {
        String prefix = key(typed);
        Optional<InstitutionsVersion> version = repository.latest();
        if (prefix.codePointCount(0, prefix.length()) < 2 || version.isEmpty()) {
            return List.of();
        }
        long v = version.get().id();
        List<String> ids = repository.idsByNameKeyPrefix(v, prefix, Math.max(1, Math.min(limit, MAX_SUGGESTIONS)));
        Map<String, RorRecord> byId = new java.util.HashMap<>();
        repository.documents(v, ids).stream().map(Institutions::read).forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A page of the records in force, by id. */
    public List<RorRecord> records(int offset, int limit) {
        return repository.latest().map(v -> repository.page(v.id(), offset, limit).stream().map(Institutions::read).toList())
                .orElse(List.of());
    }

    /**
     * The record a party is: the one its {@code ror} field names, else the one its name resolves to.
     *
     * @param rorId the party's {@code ror} field, or null
     */
    public Optional<Resolution> resolve(String name, String country, String rorId) {
        Optional<InstitutionsVersion> version = repository.latest();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        long v = version.get().id();
        if (rorId != null) {
            return RorRecord.canonicalId(rorId).flatMap(id -> repository.document(v, id)).map(Institutions::read)
                    .map(r -> resolution(v, r, "the ror id given for the party"));
        }
        return byName(v, List.of(name), country == null ? Set.of() : Set.of(country));
    }

    /** The record a list entry is: its name or an alias equals a record's name, and one of its countries is the record's. */
    public Optional<Resolution> resolve(ListEntry entry) {
        if (entry.schema() == Schema.PERSON) {
            return Optional.empty();
        }
        return repository.latest().flatMap(v -> byName(v.id(), entry.allNames(), Set.copyOf(entry.countries())));
    }

    private Optional<Resolution> byName(long v, List<String> names, Set<String> countries) {
        if (countries.isEmpty()) {
            return Optional.empty(); // without a country, a name alone is not identity
        }
        Map<String, String> matchedBy = new LinkedHashMap<>();
        for (String name : names) {
            String key = key(name);
            if (!key.isEmpty()) {
                repository.idsByNameKey(v, key).forEach(id -> matchedBy.putIfAbsent(id, name));
            }
        }
        List<RorRecord> agreeing = repository.documents(v, matchedBy.keySet()).stream().map(Institutions::read)
                .filter(r -> r.countries().stream().anyMatch(countries::contains)).toList();
        if (agreeing.size() != 1) {
            return Optional.empty();
        }
        RorRecord r = agreeing.get(0);
        String written = matchedBy.get(r.id());
        RorRecord.Name name = r.names().stream().filter(n -> key(n.value()).equals(key(written))).findFirst().orElseThrow();
        return Optional.of(resolution(v, r, "\"" + written + "\" is the record's " + describe(name) + " and "
                + String.join("/", r.countries()) + " its country"));
    }

    /** The record with its renames (predecessors and successors, transitively) and its other links. */
    private Resolution resolution(long v, RorRecord record, String how) {
        List<Resolution.Linked> renames = new ArrayList<>();
        Map<String, RorRecord> seen = new HashMap<>();
        seen.put(record.id(), record);
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.add(new Object[] {record, ""});
        while (!todo.isEmpty() && renames.size() < MAX_RENAMES) {
            Object[] next = todo.poll();
            RorRecord from = (RorRecord) next[0];
            String path = (String) next[1];
            for (RorRecord.Relationship rel : from.relationships()) {
                if (!rel.type().equals("predecessor") && !rel.type().equals("successor") || seen.containsKey(rel.id())) {
                    continue;
                }
                RorRecord linked = repository.document(v, rel.id()).map(Institutions::read).orElse(null);
                seen.put(rel.id(), linked);
                String relation = path.isEmpty() ? rel.type() : path + "'s " + rel.type();
                renames.add(new Resolution.Linked(relation, rel.id(), rel.label(), linked));
                if (linked != null && renames.size() < MAX_RENAMES) {
                    todo.add(new Object[] {linked, relation});
                }
            }
        }
        List<Resolution.Linked> family = new ArrayList<>();
        for (RorRecord.Relationship rel : record.relationships()) {
            if (!rel.type().equals("predecessor") && !rel.type().equals("successor")) {
                family.add(new Resolution.Linked(rel.type(), rel.id(), rel.label(), null));
            }
        }
        return new Resolution(record, how, renames, family);
    }

    /**
     * The names a party is also known by: every name of its record and of the records linked to it as
     * predecessor or successor, other than the party's own name (by key), each with how it bridges.
     */
    public List<BridgeName> bridges(Resolution resolution, String partyName, String partyCountry) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key(partyName));
        List<BridgeName> out = new ArrayList<>();
        RorRecord own = resolution.record();
        String is = "the party is ROR " + own.id() + " (" + own.displayName() + status(own) + ", by " + resolution.how() + ")";
        for (RorRecord r : resolution.identity()) {
            String through = r == own ? is : is + "; its " + relation(resolution, r) + " is ROR " + r.id() + " ("
                    + r.displayName() + status(r) + ")";
            for (RorRecord.Name n : r.names()) {
                if (keys.add(key(n.value()))) {
                    String country = partyCountry != null ? partyCountry : r.countries().isEmpty() ? null : r.countries().get(0);
                    out.add(new BridgeName(n.value(), country, BridgeName.PREFIX + ": " + through + ", whose "
                            + describe(n) + " is \"" + n.value() + "\""));
                }
            }
        }
        return out;
    }

    private static String relation(Resolution resolution, RorRecord r) {
        return resolution.renames().stream().filter(l -> l.id().equals(r.id())).map(Resolution.Linked::relation).findFirst().orElse("link");
    }

    private static String status(RorRecord r) {
        return r.active() ? "" : ", " + r.status() + " in the registry";
    }

    private static String describe(RorRecord.Name n) {
        return n.kind() + (n.lang() == null ? "" : " (" + n.lang() + ")");
    }

    /** A name's key: its tokens as the matcher normalises them (script, case, diacritics and punctuation folded). */
    String key(String name) {
        if (name == null) {
            return "";
        }
        return normalizer.normalize(name, Schema.ORGANIZATION).primary().tokens().stream().map(NameToken::text)
                .collect(Collectors.joining(" "));
    }

    private static RorRecord read(String json) {
        return Documents.JSON.readValue(json, RorRecord.class);
    }
}
