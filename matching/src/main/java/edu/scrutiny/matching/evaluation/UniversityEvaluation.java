package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;
import edu.scrutiny.matching.evaluation.EvaluationReport.ScreenedListSummary;
import edu.scrutiny.matching.evaluation.EvaluationReport.UniversityAlarm;
import edu.scrutiny.matching.evaluation.EvaluationReport.UniversityMiss;
import edu.scrutiny.matching.evaluation.EvaluationReport.Universities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Screens the world's universities of the universities folder ({@code eval/universities}, see its
 * README) against the six lists that README names, as {@code scrutiny screen} would: one index over
 * all six, the query's country given, the best {@value #LIMIT} candidates, {@code match} at the
 * default Organization threshold.
 *
 * <ul>
 *   <li>recall: listed universities ({@code gold.csv} with an {@code expected} entry) with a match on
 *       one of their expected entries;</li>
 *   <li>false alarms: unlisted universities with any match;</li>
 *   <li>look-alikes alarmed: the same over {@code hard-negatives.csv}.</li>
 * </ul>
 */
final class UniversityEvaluation {
    static final String QUERIES = "queries.csv";
    static final String GOLD = "gold.csv";
    static final String HARD_NEGATIVES = "hard-negatives.csv";
    /** Candidates per query, as {@code scrutiny screen} gives by default. */
    static final int LIMIT = 5;

    /**
     * The lists to screen against, by list key, as the folder's README names them: the first two
     * are read from the shared lists directory, the others from the folder's {@code lists/}.
     */
    record ListSpec(String key, String path, boolean shared) {
    }

    static final List<ListSpec> LISTS = List.of(
            new ListSpec("us_ofac_sdn", "ofac-sdn-2021-07", true),
            new ListSpec("us_ofac_cons", "ofac-consolidated-2025-12", true),
            new ListSpec("us_trade_csl", "csl-2023-11.csv", false),
            new ListSpec("un_sc", Evaluation.UN_LIST, true),
            new ListSpec("section_1286", "section_1286.csv", false),
            new ListSpec("section_1260h", "section_1260h.csv", false));

    private record Query(String id, String name, Schema schema, String country) {
    }

    private record Gold(String id, Set<String> expected) {
    }

    private final Consumer<String> progress;

    UniversityEvaluation(Consumer<String> progress) {
        this.progress = progress;
    }

    Universities run(Path dir, Path listsDir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new EvaluationDataException(dir.toString(), "no such directory; expected the universities data ("
                    + QUERIES + ", " + GOLD + ", " + HARD_NEGATIVES + ", lists/)");
        }
        List<Query> queries = EvaluationFiles.csv(dir.resolve(QUERIES), List.of("id", "name", "schema", "country"),
                r -> new Query(EvaluationFiles.text(r, "id"), EvaluationFiles.text(r, "name"), schema(r),
                        r.get("country").strip()));
        Map<String, Query> byId = new LinkedHashMap<>();
        for (Query q : queries) {
            if (byId.put(q.id(), q) != null) {
                throw new EvaluationDataException(dir.resolve(QUERIES).toString(), "query id " + q.id() + " appears twice");
            }
        }
        Map<String, Set<String>> expected = new HashMap<>();
        EvaluationFiles.csv(dir.resolve(GOLD), List.of("query_id", "expected"), r -> gold(r, byId))
                .forEach(g -> expected.put(g.id(), g.expected()));
        List<String> lookalikes = EvaluationFiles.csv(dir.resolve(HARD_NEGATIVES), List.of("query_id"),
                r -> knownId(r, byId));

        long start = System.nanoTime();
        List<ListEntry> entries = new ArrayList<>();
        List<ScreenedListSummary> lists = new ArrayList<>();
        for (ListSpec spec : LISTS) {
            Path path = spec.shared() ? listsDir.resolve(spec.path()) : dir.resolve("lists").resolve(spec.path());
            progress.accept("reading " + path);
            int before = entries.size();
            Lists.standard().detectOne(path).read(e -> {
                if (!e.list().equals(spec.key())) {
                    throw new EvaluationDataException(path.toString(), "entry " + e.sourceId() + " read with the list key "
                            + e.list() + "; expected " + spec.key());
                }
                entries.add(e);
            });
            lists.add(new ScreenedListSummary(spec.key(), path.toString(), entries.size() - before));
        }
        progress.accept("indexing " + entries.size() + " entries of the six lists");
        ScreeningIndex index = ScreeningIndex.build(entries);
        long indexing = millisSince(start);

        start = System.nanoTime();
        progress.accept("screening " + queries.size() + " universities of " + dir.resolve(QUERIES));
        List<List<Candidate>> results = queries.parallelStream()
                .map(q -> index.screen(new ScreeningQuery(q.name(), q.schema(),
                        q.country().isEmpty() ? List.of() : List.of(q.country()), null, null), LIMIT, 0))
                .toList();
        long screening = millisSince(start);

        Set<String> lookalikeIds = new LinkedHashSet<>(lookalikes);
        List<UniversityMiss> misses = new ArrayList<>();
        List<UniversityAlarm> alarms = new ArrayList<>();
        int listed = 0;
        int found = 0;
        int unlisted = 0;
        int lookalikesAlarmed = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            double threshold = Thresholds.defaultFor(q.schema());
            List<Candidate> matches = results.get(i).stream().filter(c -> c.score() >= threshold).toList();
            Set<String> want = expected.getOrDefault(q.id(), Set.of());
            if (!want.isEmpty()) {
                listed++;
                if (matches.stream().anyMatch(c -> want.contains(key(c.entry())))) {
                    found++;
                } else {
                    Candidate best = results.get(i).stream().filter(c -> want.contains(key(c.entry()))).findFirst()
                            .orElse(results.get(i).isEmpty() ? null : results.get(i).get(0));
                    misses.add(new UniversityMiss(q.id(), q.name(), q.country(), List.copyOf(want),
                            best == null ? null : key(best.entry()), best == null ? null : best.matchedName(),
                            best == null ? 0 : best.score(), best == null ? null : best.explain()));
                }
            } else {
                unlisted++;
                boolean lookalike = lookalikeIds.contains(q.id());
                if (!matches.isEmpty()) {
                    Candidate c = matches.get(0);
                    alarms.add(new UniversityAlarm(q.id(), q.name(), q.country(), lookalike, key(c.entry()),
                            c.matchedName(), c.score(), c.explain()));
                    if (lookalike) {
                        lookalikesAlarmed++;
                    }
                }
            }
        }
        return new Universities(dir.toString(), lists, queries.size(), listed, found, Metrics.share(found, listed),
                unlisted, alarms.size(), Metrics.share(alarms.size(), unlisted), lookalikeIds.size(), lookalikesAlarmed,
                Metrics.share(lookalikesAlarmed, lookalikeIds.size()), Thresholds.defaultFor(Schema.ORGANIZATION),
                indexing, screening, misses, alarms);
    }

    /** How gold.csv names an entry: {@code list|source_id}. */
    static String key(ListEntry e) {
        return e.list() + "|" + e.sourceId();
    }

    private static Schema schema(EvaluationFiles.Row r) {
        String s = EvaluationFiles.text(r, "schema");
        return Schema.fromFtm(s).orElseThrow(() -> new EvaluationDataException(r.location(),
                "column 'schema' is '" + s + "'; expected a FollowTheMoney schema such as Organization"));
    }

    private static String knownId(EvaluationFiles.Row r, Map<String, Query> byId) {
        String id = EvaluationFiles.text(r, "query_id");
        if (!byId.containsKey(id)) {
            throw new EvaluationDataException(r.location(), "query_id '" + id + "' is not an id of " + QUERIES);
        }
        return id;
    }

    private static Gold gold(EvaluationFiles.Row r, Map<String, Query> byId) {
        String id = knownId(r, byId);
        Set<String> keys = new LinkedHashSet<>();
        for (String key : r.get("expected").split(";")) {
            String k = key.strip();
            if (k.isEmpty()) {
                continue;
            }
            String list = k.substring(0, Math.max(0, k.indexOf('|')));
            if (LISTS.stream().noneMatch(l -> l.key().equals(list))) {
                throw new EvaluationDataException(r.location(), "expected entry '" + k + "' is not list|source_id with a"
                        + " list key of " + Arrays.toString(LISTS.stream().map(ListSpec::key).toArray()));
            }
            keys.add(k);
        }
        return new Gold(id, keys);
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
