package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matcher at scale, in one run: a synthetic list of N entities recombined from the real lists
 * ({@link SyntheticList}), indexed; then queries whose answers are known ({@link LabelledQueries})
 * screened one at a time for latency, in a batch on every core for throughput, and scored for
 * recall and false positives; then a sample of the same queries through the brute-force baseline
 * ({@link BruteForceMatcher}). Prints every figure beside its target.
 *
 * <pre>ScaleBenchmark LISTS_DIR [N] [M] [BATCH] [BRUTE_FORCE_QUERIES] [BRUTE_FORCE_MINUTES]</pre>
 * N entities (1,000,000), M queries for latency and accuracy (10,000), BATCH queries for throughput
 * (1,000,000 when the latency says they take at most ten minutes, else 200,000), and
 * BRUTE_FORCE_QUERIES of the M queries through the baseline (200), besides half as many again to
 * calibrate its threshold on. The baseline stops starting queries after BRUTE_FORCE_MINUTES (else
 * the system property {@value #BRUTE_MINUTES_PROPERTY}, else 15) and reports on the queries it did.
 *
 * <p>Each section's figures are printed as soon as they are measured (the index's table before the
 * baseline starts, which takes hours at a million entities on a loaded machine), and the whole table
 * again at the end.
 */
public final class ScaleBenchmark {
    static final long SEED = 42;
    static final int WARM_UP_QUERIES = 3_000;
    static final int FULL_BATCH = 1_000_000;
    static final int SMALL_BATCH = 200_000;
    static final double BATCH_BUDGET_SECONDS = 600;
    /** Candidates asked for per query, as a screening screen shows them. */
    static final int LIMIT = 10;
    static final int EXAMPLES = 5;

    // the targets, for 1,000,000 entities
    static final double TARGET_P50_MS = 1;
    static final double TARGET_P99_MS = 10;
    static final double TARGET_BUILD_SECONDS = 60;
    static final double TARGET_HEAP_BYTES = 4e9;
    static final double TARGET_MILLION_QUERIES_SECONDS = 600;
    static final double TARGET_SPEED_UP = 100;
    static final String BRUTE_MINUTES_PROPERTY = "scrutiny.bench.bruteMinutes";
    static final double DEFAULT_BRUTE_MINUTES = 15;
    /** Seconds between the baseline's progress lines. */
    static final long PROGRESS_SECONDS = 60;
    /** Queries listed by the diagnostic of the sample: the scan finds them, the index does not. */
    static final int DIAGNOSED = 25;

    private final List<ListEntry> entries;
    private final Path evalDir;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ReportTable table = new ReportTable();

    private ScaleBenchmark(List<ListEntry> entries, Path evalDir) {
        this.entries = entries;
        this.evalDir = evalDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScaleBenchmark LISTS_DIR [N] [M] [BATCH] [BRUTE_FORCE_QUERIES] [BRUTE_FORCE_MINUTES]");
            System.exit(2);
        }
        Path lists = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int batchArg = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int bruteForceQueries = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        double bruteMinutes = args.length > 5 ? Double.parseDouble(args[5])
                : Double.parseDouble(System.getProperty(BRUTE_MINUTES_PROPERTY, String.valueOf(DEFAULT_BRUTE_MINUTES)));
        if (bruteMinutes <= 0) {
            System.err.println("ScaleBenchmark: BRUTE_FORCE_MINUTES must be more than 0, got " + bruteMinutes);
            System.exit(2);
        }

        System.out.printf(Locale.ROOT, "Scale benchmark: %,d entities, %,d queries; Java %s, %d cores, max heap %,.0f MB%n",
                n, m, Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6);
        long t0 = System.nanoTime();
        NamePool pool = NamePool.from(lists);
        SyntheticList synthetic = new SyntheticList(pool);
        List<ListEntry> entries = new ArrayList<>(n);
        synthetic.generate("synthetic", n, SEED, entries::add);
        long names = entries.stream().mapToLong(e -> 1 + e.aliases().size()).sum();
        System.out.printf(Locale.ROOT, "list: %,d entities, %,d names (%.1f%% persons; %.1f%% of names in other scripts, "
                        + "%.1f%% in the real lists), generated from the real lists in %.1f s%n",
                n, names, 100 * synthetic.personShare(), 100 * synthetic.nonLatinShare(), 100 * synthetic.realNonLatinShare(),
                seconds(t0));

        ScaleBenchmark benchmark = new ScaleBenchmark(entries, lists.toAbsolutePath().resolveSibling("eval"));
        long heapEntries = liveHeap();
        QuerySets queries = benchmark.measureIndex(synthetic, heapEntries, m, batchArg, bruteForceQueries);
        benchmark.printTable("Index figures (the brute-force baseline follows):");
        benchmark.measureBruteForce(queries, bruteMinutes);
        benchmark.printTable("All figures:");
    }

    /**
     * The queries of a run, and what the index did with them that the brute-force comparison needs.
     *
     * @param sampleFound    the index's candidates for each query of the sample
     * @param sampleVerdicts what came of each variant of the sample (null for an unlisted name)
     * @param sampleOutcome  whether the index found each variant, or flagged each unlisted name
     */
    private record QuerySets(List<LabelledQueries.LabelledQuery> calibration, List<LabelledQueries.LabelledQuery> sample,
                             List<List<Candidate>> sampleFound, List<Verdicts.Variant> sampleVerdicts,
                             boolean[] sampleOutcome, Verdicts verdicts, double indexPerSecond) {
    }

    /** The query sets of a run, each from its own seed. */
    private record Queries(List<LabelledQueries.LabelledQuery> warmUp, List<LabelledQueries.LabelledQuery> latency,
                           List<LabelledQueries.LabelledQuery> batch, List<LabelledQueries.LabelledQuery> calibration) {

        /** Generates them; the listed names the generator remembers are let go when it returns. */
        static Queries generate(List<ListEntry> entries, SyntheticList synthetic, int latency, int batch, int calibration) {
            long t0 = System.nanoTime();
            LabelledQueries labelled = new LabelledQueries(entries, synthetic);
            Queries q = new Queries(labelled.generate(WARM_UP_QUERIES, SEED + 1), labelled.generate(latency, SEED + 2),
                    labelled.generate(batch, SEED + 3), labelled.generate(calibration, SEED + 4));
            System.out.printf(Locale.ROOT, "queries: %,d warm-up, %,d for latency and accuracy, %,d for throughput, generated in %.1f s%n",
                    q.warmUp().size(), q.latency().size(), q.batch().size(), seconds(t0));
            return q;
        }
    }

    private QuerySets measureIndex(SyntheticList synthetic, long heapEntries, int m, int batchArg, int bruteForceQueries)
            throws IOException {
        long t0 = System.nanoTime();
        ScreeningIndex index = ScreeningIndex.build(entries);
        double buildSeconds = seconds(t0);
        long heapIndexed = liveHeap();
        System.out.printf(Locale.ROOT, "index: %,d names, built in %.1f s%n", index.names(), buildSeconds);

        Queries generated = Queries.generate(entries, synthetic, m, batchArg > 0 ? batchArg : FULL_BATCH, bruteForceQueries / 2);
        List<LabelledQueries.LabelledQuery> warmUp = generated.warmUp();
        List<LabelledQueries.LabelledQuery> queries = generated.latency();
        List<LabelledQueries.LabelledQuery> batch = generated.batch();

        for (LabelledQueries.LabelledQuery q : warmUp) {
            index.screen(q.query(), LIMIT, 0);
        }
        long[] nanos = new long[queries.size()];
        List<List<Candidate>> results = new ArrayList<>(queries.size());
        // CPU time of the screening thread, beside wall time: what a query costs whatever else the machine runs
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long cpu0 = threadBean.getCurrentThreadCpuTime();
        for (int i = 0; i < queries.size(); i++) {
            long s = System.nanoTime();
            results.add(index.screen(queries.get(i).query(), LIMIT, 0));
            nanos[i] = System.nanoTime() - s;
        }
        double cpuMillisPerQuery = (threadBean.getCurrentThreadCpuTime() - cpu0) / 1e6 / queries.size();
        Latencies latency = Latencies.of(nanos);
        System.out.printf(Locale.ROOT, "CPU time per query, one thread: %.3f ms (wall time mean %.3f ms)%n",
                cpuMillisPerQuery, latency.meanMillis());
        System.out.printf(Locale.ROOT, "latency, one thread, %,d queries: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms%n",
                queries.size(), latency.percentileMillis(50), latency.percentileMillis(90), latency.percentileMillis(99),
                latency.meanMillis());

        Verdicts verdicts = new Verdicts(entries, index.comparer());
        ShareTally accuracy = new ShareTally();
        int sampleSize = Math.min(bruteForceQueries, queries.size());
        List<Verdicts.Variant> sampleVerdicts = new ArrayList<>(sampleSize);
        boolean[] sampleOutcome = new boolean[sampleSize];
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            LabelledQueries.LabelledQuery q = queries.get(i);
            List<Candidate> found = results.get(i);
            boolean outcome;
            if (q.listed()) {
                Verdicts.Variant verdict = verdicts.variant(q, found);
                outcome = verdict == Verdicts.Variant.FOUND;
                accuracy.count("variants", outcome);
                accuracy.count("variant: " + q.kind(), outcome);
                for (Verdicts.Variant v : Verdicts.Variant.values()) {
                    accuracy.count("verdict: " + v.description, v == verdict);
                    if (v != Verdicts.Variant.FOUND) {
                        accuracy.count("why: " + v.name() + ": " + q.kind(), v == verdict);
                    }
                }
                if (i < sampleSize) {
                    sampleVerdicts.add(verdict);
                }
                if (!outcome && accuracy.hits("verdict: " + verdict.description) <= EXAMPLES) {
                    // the first few of each kind of miss
                    misses.add(example(q, found, verdict.description));
                }
            } else {
                if (i < sampleSize) {
                    sampleVerdicts.add(null);
                }
                outcome = verdicts.flagged(q, found);
                accuracy.count("unlisted", outcome);
                accuracy.count("unlisted: " + q.kind(), outcome);
                if (outcome) {
                    accuracy.count("namesakes", Verdicts.namesake(q.query().name(), found.getFirst().matchedName()));
                    if (falsePositives.size() < EXAMPLES) {
                        falsePositives.add(example(q, found, null));
                    }
                }
            }
            if (i < sampleSize) {
                sampleOutcome[i] = outcome;
            }
        }

        List<String> negatives = EvalNegatives.read(evalDir);
        List<String> negativesFlagged = new ArrayList<>();
        for (String name : negatives) {
            LabelledQueries.LabelledQuery q = new LabelledQueries.LabelledQuery(ScreeningQuery.of(name, Schema.PERSON),
                    LabelledQueries.LabelledQuery.UNLISTED, null);
            List<Candidate> found = index.screen(q.query(), LIMIT, 0);
            boolean flagged = verdicts.flagged(q, found);
            accuracy.count("eval negatives", flagged);
            if (flagged && negativesFlagged.size() < EXAMPLES) {
                negativesFlagged.add(example(q, found, null));
            }
        }

        System.out.printf(Locale.ROOT, "recall on %,d variants: %s; false-positive rate on %,d unlisted: %s%n",
                accuracy.total("variants"), pct(accuracy.share("variants")), accuracy.total("unlisted"),
                pct(accuracy.share("unlisted")));
        int batchSize = batchSize(batchArg, latency.meanMillis());
        System.out.printf(Locale.ROOT, "throughput: %,d queries on %d threads...%n", batchSize, threads);
        // the batch is judged too: a larger sample than the latency queries, and proof the work was done
        AtomicLong foundInBatch = new AtomicLong();
        AtomicLong flaggedInBatch = new AtomicLong();
        // screened as scrutiny screen and the Spark job screen a file: through one batch, which remembers the
        // query words it expanded (only this run's: the warm-up and latency queries went through no batch)
        ScreeningIndex.Batch screening = index.batch();
        ParallelRun run = ParallelRun.run(batchSize, threads, i -> {
            LabelledQueries.LabelledQuery q = batch.get(i);
            List<Candidate> found = screening.screen(q.query(), LIMIT, 0);
            if (q.listed() ? verdicts.variant(q, found) == Verdicts.Variant.FOUND : verdicts.flagged(q, found)) {
                (q.listed() ? foundInBatch : flaggedInBatch).incrementAndGet();
            }
        });
        double millionSeconds = FULL_BATCH / run.perSecond();
        System.out.printf(Locale.ROOT, "throughput: %,.0f queries/s, so 1,000,000 queries in %.1f min%n",
                run.perSecond(), millionSeconds / 60);

        printBreakdown(accuracy, misses, falsePositives);
        if (!negatives.isEmpty()) {
            System.out.println("Persons on no list (" + evalDir + ") flagged (first " + EXAMPLES + "):");
            negativesFlagged.forEach(System.out::println);
        }
        table.section(String.format(Locale.ROOT, "Index (ScreeningIndex), %,d entities, %,d names", entries.size(), index.names()));
        table.add("build time (ScreeningIndex.build)", String.format(Locale.ROOT, "%.1f s", buildSeconds),
                "<= 60 s", buildSeconds <= TARGET_BUILD_SECONDS);
        table.add("live heap after build (entries + index)", gb(heapIndexed), "<= 4.00 GB", heapIndexed <= TARGET_HEAP_BYTES);
        table.add("  of which the list entries", gb(heapEntries));
        table.add("  of which the index", gb(heapIndexed - heapEntries));
        table.add("latency p50, one thread", ms(latency.percentileMillis(50)), "<= 1 ms",
                latency.percentileMillis(50) <= TARGET_P50_MS);
        table.add("latency p90, one thread", ms(latency.percentileMillis(90)));
        table.add("latency p99, one thread", ms(latency.percentileMillis(99)), "<= 10 ms",
                latency.percentileMillis(99) <= TARGET_P99_MS);
        table.add("latency mean / max, one thread", ms(latency.meanMillis()) + " / " + ms(latency.maxMillis()));
        table.add("CPU time per query, one thread (mean; robust to load)", ms(cpuMillisPerQuery));
        table.add(String.format(Locale.ROOT, "throughput, %d threads, %,d queries", threads, batchSize),
                String.format(Locale.ROOT, "%,.0f queries/s", run.perSecond()));
        table.add(String.format(Locale.ROOT, "1,000,000 queries on %d cores (%s)", threads,
                        batchSize >= FULL_BATCH ? "measured" : "extrapolated"),
                String.format(Locale.ROOT, "%.1f min", millionSeconds / 60), "<= 10 min on 2 cores",
                millionSeconds <= TARGET_MILLION_QUERIES_SECONDS);
        table.add(String.format(Locale.ROOT, "recall (%,d variants: true entry top or tied at top, >= threshold)", accuracy.total("variants")),
                pct(accuracy.share("variants")));
        table.add(String.format(Locale.ROOT, "false-positive rate (%,d unlisted: any candidate >= threshold)", accuracy.total("unlisted")),
                pct(accuracy.share("unlisted")));
        table.add("  of the flagged: namesakes (one name's words all in the other)", pct(accuracy.share("namesakes")));
        long batchVariants = batch.subList(0, batchSize).stream().filter(LabelledQueries.LabelledQuery::listed).count();
        table.add("  recall / false-positive rate on the throughput batch",
                pct((double) foundInBatch.get() / batchVariants) + " / "
                        + pct((double) flaggedInBatch.get() / (batchSize - batchVariants)));
        if (!negatives.isEmpty()) {
            table.add(String.format(Locale.ROOT, "false-positive rate (%,d persons on no list, eval negatives)", negatives.size()),
                    pct(accuracy.share("eval negatives")));
        }
        return new QuerySets(generated.calibration(), queries.subList(0, sampleSize), results.subList(0, sampleSize),
                sampleVerdicts, sampleOutcome, verdicts, run.perSecond());
    }

    private void measureBruteForce(QuerySets q, double budgetMinutes) {
        long t0 = System.nanoTime();
        BruteForceMatcher brute = new BruteForceMatcher(entries);
        double prepareSeconds = seconds(t0);
        List<LabelledQueries.LabelledQuery> all = new ArrayList<>(q.calibration());
        all.addAll(q.sample());
        int calibrationSize = q.calibration().size();
        // calibration and sample queries interleaved, so that a run the budget stops has some of both
        int[] order = interleaved(calibrationSize, q.sample().size());
        System.out.printf(Locale.ROOT, "brute force: %,d names split into words in %.1f s; screening %,d queries on %d threads, "
                + "for at most %.1f min...%n", brute.names(), prepareSeconds, all.size(), threads, budgetMinutes);
        BruteForceMatcher.Result[] results = new BruteForceMatcher.Result[all.size()];
        long start = System.nanoTime();
        long deadline = start + (long) (budgetMinutes * 60e9);
        AtomicLong lastProgress = new AtomicLong(start);
        ParallelRun run = ParallelRun.run(all.size(), threads, k -> {
            int i = order[k];
            results[i] = brute.screen(all.get(i).query().name(), all.get(i).truth());
        }, deadline, done -> {
            long now = System.nanoTime();
            long last = lastProgress.get();
            if (now - last >= PROGRESS_SECONDS * 1_000_000_000L && lastProgress.compareAndSet(last, now)) {
                System.out.printf(Locale.ROOT, "brute force: %,d of %,d queries in %.1f min%n", done, all.size(), (now - start) / 60e9);
            }
        });
        boolean stopped = run.completed() < all.size();
        System.out.printf(Locale.ROOT, "brute force: %,d of %,d queries in %.1f min%s%n", run.completed(), all.size(),
                run.wallNanos() / 60e9, stopped ? " (stopped by the time budget)" : "");

        // only the queries done count, the index's outcomes on the same ones
        List<LabelledQueries.LabelledQuery> calibration = new ArrayList<>();
        List<BruteForceMatcher.Result> calibrationResults = new ArrayList<>();
        List<Integer> sampleDone = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (results[i] == null) {
                continue;
            }
            if (i < calibrationSize) {
                calibration.add(all.get(i));
                calibrationResults.add(results[i]);
            } else {
                sampleDone.add(i - calibrationSize);
            }
        }
        List<LabelledQueries.LabelledQuery> sample = sampleDone.stream().map(q.sample()::get).toList();
        List<BruteForceMatcher.Result> sampleResults = sampleDone.stream().map(i -> results[calibrationSize + i]).toList();
        ShareTally indexOnSample = new ShareTally();
        for (int i : sampleDone) {
            indexOnSample.count(q.sample().get(i).listed() ? "variants" : "unlisted", q.sampleOutcome()[i]);
        }
        double threshold = calibration.isEmpty() ? 0.9 : bestF1Threshold(calibration, calibrationResults);
        double speedUp = q.indexPerSecond() / run.perSecond();
        double bruteRecall = recall(sample, sampleResults, threshold);
        double indexRecall = indexOnSample.share("variants");
        diagnose(q, sampleDone, results, calibrationSize, threshold);

        table.section(String.format(Locale.ROOT, "Brute force (token-wise Jaro-Winkler against all %,d names), %d queries + %d to calibrate%s",
                brute.names(), sample.size(), calibration.size(),
                stopped ? String.format(Locale.ROOT, " (of %d + %d: stopped after %.1f min)", q.sample().size(), calibrationSize, budgetMinutes) : ""));
        table.add("threshold (best F1 on the calibration queries)", calibration.isEmpty() ? "0.900 (no calibration query done)"
                : String.format(Locale.ROOT, "%.3f", threshold));
        table.add("latency per query (mean, while all cores busy)", ms(run.latencies().meanMillis()));
        table.add(String.format(Locale.ROOT, "throughput, %d threads", threads), String.format(Locale.ROOT, "%,.2f queries/s", run.perSecond()));
        table.add("recall at that threshold", pct(bruteRecall));
        table.add("false-positive rate at that threshold", pct(falsePositiveRate(sample, sampleResults, threshold)));
        table.add("recall / false-positive rate at 0.90", pct(recall(sample, sampleResults, 0.9)) + " / "
                + pct(falsePositiveRate(sample, sampleResults, 0.9)));
        table.add("index on the same queries: recall / false-positive rate", pct(indexRecall) + " / "
                + pct(indexOnSample.share("unlisted")));
        table.add("index throughput / brute-force throughput", String.format(Locale.ROOT, "%,.0fx", speedUp),
                ">= 100x at equal or better recall", speedUp >= TARGET_SPEED_UP && indexRecall >= bruteRecall);
    }

    /**
     * Lists the variants of the sample the scan finds at its threshold and the index does not, with why
     * (the verdict), the true entry's names, the index's top candidates and the scan's scores; and counts
     * the converse, so that the recall comparison can be read query by query.
     */
    private void diagnose(QuerySets q, List<Integer> sampleDone, BruteForceMatcher.Result[] results, int calibrationSize,
                          double threshold) {
        List<String> lines = new ArrayList<>();
        int scanOnly = 0;
        int indexOnly = 0;
        ShareTally why = new ShareTally();
        for (int i : sampleDone) {
            LabelledQueries.LabelledQuery query = q.sample().get(i);
            if (!query.listed()) {
                continue;
            }
            BruteForceMatcher.Result r = results[calibrationSize + i];
            boolean scan = r.found(threshold);
            boolean index = q.sampleOutcome()[i];
            if (index && !scan) {
                indexOnly++;
            }
            if (!scan || index) {
                continue;
            }
            scanOnly++;
            Verdicts.Variant verdict = q.sampleVerdicts().get(i);
            why.count(verdict.name() + " / " + query.kind(), true);
            if (lines.size() < DIAGNOSED) {
                lines.add(example(query, q.sampleFound().get(i), verdict.description, 3)
                        + String.format(Locale.ROOT, "%n    the index's comparer scores the true entry %.3f; the scan scores it %.3f, its best %.3f",
                        q.verdicts().truthScore(query), r.truthScore(), r.bestScore()));
            }
        }
        System.out.printf(Locale.ROOT, "%nOn the brute-force sample: %d variants found by the scan (at %.3f) and not by the index, "
                + "%d found by the index and not by the scan%n", scanOnly, threshold, indexOnly);
        for (String group : why.groups()) {
            System.out.printf(Locale.ROOT, "  %3d  %s%n", why.total(group), group);
        }
        if (!lines.isEmpty()) {
            System.out.println("Found by the scan, not by the index (first " + DIAGNOSED + "):");
            lines.forEach(System.out::println);
        }
    }

    /** Positions 0..a+b-1 ordered so that the first a and the last b are interleaved evenly. */
    static int[] interleaved(int a, int b) {
        int[] order = new int[a + b];
        int i = 0;
        int j = 0;
        for (int k = 0; k < order.length; k++) {
            // take from the set that is behind in the share of it done
            boolean fromA = j >= b || (i < a && (long) i * b <= (long) j * a);
            order[k] = fromA ? i++ : a + j++;
        }
        return order;
    }

    private void printTable(String title) {
        System.out.println();
        System.out.println(title);
        table.print(System.out);
        if (entries.size() != 1_000_000) {
            System.out.printf(Locale.ROOT, "(targets are for 1,000,000 entities; this run has %,d)%n", entries.size());
        }
        System.out.flush();
    }

    private int batchSize(int batchArg, double meanMillis) {
        if (batchArg > 0) {
            return batchArg;
        }
        double estimatedSeconds = FULL_BATCH * meanMillis / 1e3 / threads;
        return estimatedSeconds <= BATCH_BUDGET_SECONDS ? FULL_BATCH : SMALL_BATCH;
    }

    private String example(LabelledQueries.LabelledQuery q, List<Candidate> candidates, String verdict) {
        return example(q, candidates, verdict, 2);
    }

    private String example(LabelledQueries.LabelledQuery q, List<Candidate> candidates, String verdict, int shown) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  query \"%s\" (%s)", q.query().name(), q.kind()));
        if (q.listed()) {
            ListEntry truth = entries.get(q.truth());
            sb.append(String.format(Locale.ROOT, "%n    listed as %s %s%n    %s", truth.sourceId(), truth.allNames(), verdict));
        }
        if (candidates.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n    no candidate"));
        }
        for (Candidate c : candidates.subList(0, Math.min(shown, candidates.size()))) {
            sb.append(String.format(Locale.ROOT, "%n    %.2f %s \"%s\": %s", c.score(), c.entry().sourceId(), c.matchedName(), c.explain()));
        }
        return sb.toString();
    }

    private static void printBreakdown(ShareTally accuracy, List<String> misses, List<String> falsePositives) {
        System.out.println();
        System.out.println("Accuracy by kind of query (threshold: Thresholds.defaultFor the query's schema)");
        for (String group : accuracy.groups()) {
            if (group.startsWith("variant: ") || group.startsWith("unlisted: ")) {
                System.out.printf(Locale.ROOT, "  %-60s %7s %,6d of %,6d  %6s%n", group,
                        group.startsWith("variant") ? "found" : "flagged", accuracy.hits(group), accuracy.total(group),
                        pct(accuracy.share(group)));
            }
        }
        System.out.println("What came of the variants:");
        for (Verdicts.Variant v : Verdicts.Variant.values()) {
            String group = "verdict: " + v.description;
            System.out.printf(Locale.ROOT, "  %,6d  %6s  %s%n", accuracy.hits(group), pct(accuracy.share(group)), v.description);
        }
        System.out.println("The variants missed, by why and kind of change:");
        for (String group : accuracy.groups()) {
            if (group.startsWith("why: ") && accuracy.hits(group) > 0) {
                System.out.printf(Locale.ROOT, "  %,6d  %s%n", accuracy.hits(group), group.substring("why: ".length()));
            }
        }
        System.out.println("Variants missed (first " + EXAMPLES + " of each verdict):");
        misses.forEach(System.out::println);
        System.out.println("Unlisted names flagged (first " + EXAMPLES + "):");
        falsePositives.forEach(System.out::println);
    }

    /** The threshold with the best F1 on the calibration queries; a wrong entry on top counts as a false positive. */
    private static double bestF1Threshold(List<LabelledQueries.LabelledQuery> queries, List<BruteForceMatcher.Result> results) {
        TreeSet<Double> thresholds = new TreeSet<>();
        thresholds.add(0.9);
        results.forEach(r -> {
            thresholds.add(r.bestScore());
            thresholds.add(r.truthScore());
        });
        double best = 0.9;
        double bestF1 = -1;
        for (double t : thresholds) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < queries.size(); i++) {
                BruteForceMatcher.Result r = results.get(i);
                if (queries.get(i).listed() && r.found(t)) {
                    tp++;
                } else if (queries.get(i).listed()) {
                    fn++;
                    fp += r.bestScore() >= t ? 1 : 0;
                } else {
                    fp += r.bestScore() >= t ? 1 : 0;
                }
            }
            double f1 = 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    private static double recall(List<LabelledQueries.LabelledQuery> queries, List<BruteForceMatcher.Result> results, double t) {
        ShareTally tally = new ShareTally();
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).listed()) {
                tally.count("variants", results.get(i).found(t));
            }
        }
        return tally.share("variants");
    }

    private static double falsePositiveRate(List<LabelledQueries.LabelledQuery> queries, List<BruteForceMatcher.Result> results, double t) {
        ShareTally tally = new ShareTally();
        for (int i = 0; i < queries.size(); i++) {
            if (!queries.get(i).listed()) {
                tally.count("unlisted", results.get(i).bestScore() >= t);
            }
        }
        return tally.share("unlisted");
    }

    /** Heap in use after full collections: what is live. */
    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
