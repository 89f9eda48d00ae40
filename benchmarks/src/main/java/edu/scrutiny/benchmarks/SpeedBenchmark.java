package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Screening speed in every script, against the six real lists: queries made from the lists' own
 * names, in the script each is written in (Cyrillic, Arabic, Han, Kana, Hangul, Greek, Hebrew... the
 * entries' original-script aliases, topped up with listed Latin names written in the script by ICU's
 * transforms, since the lists hold few names in most scripts and none in Kana) and in Latin letters (the transliterations the lists give for the
 * same entries, and Latin names of entries with none), each with one letter changed in one query of
 * two, are screened warm against an index of the lists, and the same queries by a brute-force
 * token-wise Jaro-Winkler scan of every listed name ({@link BruteForceMatcher}), in the same run (on
 * a sample spread evenly over each script's queries), each query put in Latin letters first by ICU's
 * Any-Latin and Latin-ASCII transforms, as a scan must to meet the lists' Latin names (the scan of
 * the name as written, which finds almost none of them, is printed beside; so is how often each
 * ranks the query's own entry first). Reports queries per second on every core for
 * both (each side's queries run in passes until they have lasted {@link #MIN_WALL_NANOS} together,
 * the first pass's rate printed beside), their ratio, and latency percentiles on one thread, per
 * script; over all scripts, the scan's rate is each script's weighed by that script's share of the
 * index's queries.
 *
 * <p>Usage: {@code SpeedBenchmark LISTS_DIR [PER_SCRIPT] [BRUTE_PER_SCRIPT]} (defaults 500 and 40); LISTS_DIR is the
 * shared data's {@code lists/}, beside its {@code eval/}.
 */
public final class SpeedBenchmark {
    /**
     * The six lists the university evaluation screens against ({@code ./scrutiny evaluate}), relative to
     * the shared data directory: three from {@code lists/}, and from the universities' folder the CSL
     * extract without its cut-off last record and Section 1286 and 1260H as Scrutiny CSV.
     */
    static final List<String> LISTS = List.of("lists/ofac-sdn-2021-07", "lists/ofac-consolidated-2025-12",
            "eval/universities/lists/csl-2023-11.csv", "lists/un-consolidated-2026-02-27.xml",
            "eval/universities/lists/section_1286.csv", "eval/universities/lists/section_1260h.csv");
    static final double TARGET_SPEED_UP = 100;
    /** How long each side's passes over a script's queries last together, at least. */
    static final long MIN_WALL_NANOS = 1_500_000_000L;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int perScript = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int brutePerScript = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        List<ListEntry> entries = new ArrayList<>();
        for (String name : LISTS) {
            Path path = dir.getParent().resolve(name);
            if (!Files.exists(path)) {
                System.out.println("speed benchmark: " + path + " is missing; skipped");
                continue;
            }
            int before = entries.size();
            try {
                Lists.standard().detectOne(path).read(entries::add);
            } catch (ListFormatException e) {
                // the entries read before the fault are kept: the benchmark measures speed, not the list
                System.out.println("speed benchmark: " + name + " read in part (" + (entries.size() - before) + " entries): " + e.getMessage());
            }
        }
        long names = entries.stream().mapToLong(e -> e.allNames().size()).sum();
        long t0 = System.nanoTime();
        ScreeningIndex index = ScreeningIndex.build(entries);
        System.out.printf(Locale.ROOT, "speed benchmark: %,d entries (%,d names) of %d lists indexed in %.1f s%n",
                entries.size(), names, LISTS.size(), (System.nanoTime() - t0) / 1e9);

        Map<ScreeningQuery, Integer> sources = new IdentityHashMap<>();
        Map<String, List<ScreeningQuery>> byScript = queries(entries, perScript, sources);
        BruteForceMatcher brute = new BruteForceMatcher(entries);
        int threads = Runtime.getRuntime().availableProcessors();

        // warm: every query once, and once more, before anything is timed
        List<ScreeningQuery> all = byScript.values().stream().flatMap(List::stream).toList();
        for (int pass = 0; pass < 2; pass++) {
            ParallelRun.run(all.size(), threads, i -> screen(index, all.get(i)));
        }
        for (int i = 0; i < Math.min(50, all.size()); i++) {
            brute.screen(all.get(i).name(), -1);
            brute.screen(inLatinLetters(all.get(i).name()), -1);
        }

        ReportTable table = new ReportTable();
        long indexQueries = 0;
        double indexSeconds = 0;
        long bruteQueries = 0;
        double bruteSeconds = 0;
        double asWrittenSeconds = 0;
        List<Long> oneThread = new ArrayList<>();
        for (Map.Entry<String, List<ScreeningQuery>> s : byScript.entrySet()) {
            List<ScreeningQuery> qs = s.getValue();
            long[] nanos = new long[qs.size()];
            for (int i = 0; i < qs.size(); i++) {
                long a = System.nanoTime();
                screen(index, qs.get(i));
                nanos[i] = System.nanoTime() - a;
                oneThread.add(nanos[i]);
            }
            Latencies lat = Latencies.of(nanos);
            // both sides' rates are over passes lasting a second or more together: the index's pass over a script's
            // queries lasts about a tenth of one, and two passes in a row differed by up to half (docs/matching.md)
            ParallelRun.Repeated indexRuns = ParallelRun.repeated(qs.size(), threads, i -> screen(index, qs.get(i)), MIN_WALL_NANOS);
            ParallelRun batch = indexRuns.all();
            // the scan's sample is spread evenly over the script's queries (the first ones are one kind:
            // the transliterations of entries written in other scripts, then other names)
            List<ScreeningQuery> sample = evenSample(qs, brutePerScript);
            int b = sample.size();
            // the scan compares letters: a name written in another script is put in Latin letters first (inside the
            // timed task, as the index's normalising is), or it could never meet the Latin names the lists hold
            ParallelRun.Repeated bruteRuns = ParallelRun.repeated(b, threads,
                    i -> brute.screen(inLatinLetters(sample.get(i).name()), -1), MIN_WALL_NANOS);
            ParallelRun bruteRun = bruteRuns.all();
            // the same scan of the names as written, as this benchmark measured it before 2026-12-04: cheaper (a Hangul
            // word is two or three letters, a Latin one six), but it ranks no Cyrillic, Greek, Hangul, Hebrew or Kana
            // query's own entry first: it is printed beside, not measured against
            ParallelRun asWritten = ParallelRun.repeated(b, threads, i -> brute.screen(sample.get(i).name(), -1), MIN_WALL_NANOS).all();
            int[] ownFirst = new int[3]; // the index, the scan in Latin letters, the scan of the name as written
            for (ScreeningQuery q : sample) {
                int own = sources.get(q);
                ownFirst[0] += ranksFirst(screen(index, q), entries.get(own)) ? 1 : 0;
                ownFirst[1] += brute.screen(inLatinLetters(q.name()), own).rankedFirst() ? 1 : 0;
                ownFirst[2] += brute.screen(q.name(), own).rankedFirst() ? 1 : 0;
            }
            indexQueries += qs.size();
            indexSeconds += qs.size() / batch.perSecond();
            bruteQueries += b;
            // the scan's time for all of the script's queries at its rate on the sample: so the overall
            // ratio weighs each script as the index's queries do, not by the sizes of the scan's samples
            bruteSeconds += qs.size() / bruteRun.perSecond();
            asWrittenSeconds += qs.size() / asWritten.perSecond();
            double ratio = batch.perSecond() / bruteRun.perSecond();
            table.section(String.format(Locale.ROOT, "%s: %,d queries (brute force: %,d of them)", s.getKey(), qs.size(), b));
            table.add("  index, one thread: p50 / p99", String.format(Locale.ROOT, "%.2f / %.2f ms", lat.percentileMillis(50), lat.percentileMillis(99)));
            table.add("  index on " + threads + " threads", String.format(Locale.ROOT, "%,.0f queries/s (%d passes, %.1f s; first %,.0f/s)",
                    batch.perSecond(), indexRuns.passes(), batch.wallNanos() / 1e9, indexRuns.first().perSecond()));
            table.add("  brute force on " + threads + " threads: p50 / p99",
                    String.format(Locale.ROOT, "%,.1f queries/s; %.1f / %.1f ms (%d passes, %.1f s; first %,.1f/s)", bruteRun.perSecond(),
                            bruteRun.latencies().percentileMillis(50), bruteRun.latencies().percentileMillis(99),
                            bruteRuns.passes(), bruteRun.wallNanos() / 1e9, bruteRuns.first().perSecond()));
            table.add("  brute force, the name as written", String.format(Locale.ROOT, "%,.1f queries/s (%,.0fx)",
                    asWritten.perSecond(), batch.perSecond() / asWritten.perSecond()));
            table.add("  own entry ranked first, of " + b, String.format(Locale.ROOT, "index %d, scan %d, scan as written %d",
                    ownFirst[0], ownFirst[1], ownFirst[2]));
            table.add("  index / brute force", String.format(Locale.ROOT, "%,.0fx", ratio), ">= 100x", ratio >= TARGET_SPEED_UP);
        }
        Latencies overall = Latencies.of(oneThread.stream().mapToLong(Long::longValue).toArray());
        double indexRate = indexQueries / indexSeconds;
        double bruteRate = indexQueries / bruteSeconds;
        table.section(String.format(Locale.ROOT, "all scripts: %,d queries (brute force: %,d of them, each script's rate weighed by its"
                + " share of the queries)", indexQueries, bruteQueries));
        table.add("  index, one thread: p50 / p99", String.format(Locale.ROOT, "%.2f / %.2f ms", overall.percentileMillis(50), overall.percentileMillis(99)));
        table.add("  index on " + threads + " threads", String.format(Locale.ROOT, "%,.0f queries/s", indexRate));
        table.add("  brute force on " + threads + " threads", String.format(Locale.ROOT, "%,.1f queries/s", bruteRate));
        table.add("  brute force, the names as written", String.format(Locale.ROOT, "%,.1f queries/s (%,.0fx)",
                indexQueries / asWrittenSeconds, indexRate / (indexQueries / asWrittenSeconds)));
        table.add("  index / brute force", String.format(Locale.ROOT, "%,.0fx", indexRate / bruteRate), ">= 100x", indexRate / bruteRate >= TARGET_SPEED_UP);
        table.print(System.out);
    }

    /** At most {@code n} of the queries, evenly spaced from the first. */
    static List<ScreeningQuery> evenSample(List<ScreeningQuery> queries, int n) {
        if (queries.size() <= n) {
            return queries;
        }
        List<ScreeningQuery> sample = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sample.add(queries.get((int) ((long) i * queries.size() / n)));
        }
        return sample;
    }

    /** ICU's transform of any script to Latin letters, then to ASCII: one per thread (a transliterator is not thread-safe). */
    private static final ThreadLocal<com.ibm.icu.text.Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    /** A name in Latin letters, as the brute-force scan compares it with the lists' names. */
    static String inLatinLetters(String name) {
        return TO_LATIN.get().transliterate(name);
    }

    private static List<Candidate> screen(ScreeningIndex index, ScreeningQuery q) {
        return index.screen(q, 25, Thresholds.PERSON);
    }

    /** Whether the entry is among the candidates at the best score (ties count), as the scan's {@code rankedFirst}. */
    private static boolean ranksFirst(List<Candidate> candidates, ListEntry entry) {
        return candidates.stream().anyMatch(c -> c.entry() == entry && c.score() >= candidates.getFirst().score());
    }

    /**
     * Up to {@code perScript} queries per script: every name written in a script other than Latin
     * (by its dominant script), and the Latin names of the same entries, then Latin names of other
     * entries; one query in two with one letter changed, as people write names.
     */
    static Map<String, List<ScreeningQuery>> queries(List<ListEntry> entries, int perScript) {
        return queries(entries, perScript, new IdentityHashMap<>());
    }

    /** As {@link #queries(List, int)}, telling {@code sources} the place in {@code entries} of each query's entry. */
    static Map<String, List<ScreeningQuery>> queries(List<ListEntry> entries, int perScript, Map<ScreeningQuery, Integer> sources) {
        SplittableRandom rnd = new SplittableRandom(17);
        Map<String, List<ScreeningQuery>> out = new LinkedHashMap<>();
        List<ScreeningQuery> latin = new ArrayList<>();
        List<ScreeningQuery> otherLatin = new ArrayList<>();
        for (int at = 0; at < entries.size(); at++) {
            ListEntry e = entries.get(at);
            boolean anyOther = false;
            List<String> latinNames = new ArrayList<>();
            for (String n : e.allNames()) {
                String script = NamePool.dominantScript(n);
                if (script.equals("LATIN")) {
                    latinNames.add(n);
                    continue;
                }
                anyOther = true;
                List<ScreeningQuery> list = out.computeIfAbsent(label(script), k -> new ArrayList<>());
                if (list.size() < perScript) {
                    ScreeningQuery q = new ScreeningQuery(n, e.schema(), List.of(), null, null);
                    list.add(q);
                    sources.put(q, at);
                }
            }
            for (String n : latinNames) {
                ScreeningQuery q = new ScreeningQuery(rnd.nextBoolean() ? typo(n, rnd) : n, e.schema(), List.of(), null, null);
                (anyOther ? latin : otherLatin).add(q);
                sources.put(q, at);
            }
        }
        latin.addAll(otherLatin);
        // the lists hold few names in most other scripts, and none in Kana: the Latin names of listed entries written
        // in each script by ICU's transforms (as a source in that language spells a foreign name) top them up
        Map<String, String> transforms = new LinkedHashMap<>();
        transforms.put("Cyrillic", "Latin-Cyrillic");
        transforms.put("Arabic", "Latin-Arabic");
        transforms.put("Greek", "Latin-Greek");
        transforms.put("Hebrew", "Latin-Hebrew");
        transforms.put("Hangul", "Latin-Hangul");
        transforms.put("Kana", "Latin-Katakana");
        transforms.forEach((script, id) -> {
            List<ScreeningQuery> list = out.computeIfAbsent(script, k -> new ArrayList<>());
            com.ibm.icu.text.Transliterator t = com.ibm.icu.text.Transliterator.getInstance(id);
            for (ScreeningQuery q : latin) {
                if (list.size() >= perScript) {
                    break;
                }
                String written = t.transliterate(q.name().replace(",", "").toLowerCase(Locale.ROOT));
                if (!NamePool.dominantScript(written).equals("LATIN")) {
                    ScreeningQuery w = new ScreeningQuery(written, q.schema(), List.of(), null, null);
                    list.add(w);
                    sources.put(w, sources.get(q));
                }
            }
        });
        out.remove("Common");
        Map<String, List<ScreeningQuery>> ordered = new LinkedHashMap<>();
        ordered.put("Latin (transliterations, then other names)", latin.subList(0, Math.min(perScript, latin.size())));
        out.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(x -> ordered.put(x.getKey(), x.getValue()));
        return ordered;
    }

    private static String label(String script) {
        return switch (script) {
            case "HAN" -> "Han";
            case "HIRAGANA", "KATAKANA" -> "Kana";
            case "HANGUL" -> "Hangul";
            default -> script.charAt(0) + script.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** The name with one letter, not the first of a word, replaced by its neighbour in the alphabet. */
    private static String typo(String name, SplittableRandom rnd) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int i = 1 + rnd.nextInt(Math.max(1, name.length() - 1));
            if (i < name.length() && Character.isLetter(name.charAt(i)) && Character.isLetter(name.charAt(i - 1))) {
                char c = name.charAt(i);
                char r = c == 'z' ? 'y' : c == 'Z' ? 'Y' : (char) (c + 1);
                return Character.isLetter(r) ? name.substring(0, i) + r + name.substring(i + 1) : name;
            }
        }
        return name;
    }
}
