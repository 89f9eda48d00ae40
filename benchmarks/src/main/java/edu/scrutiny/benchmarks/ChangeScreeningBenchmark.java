package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.QueryWords;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Monitoring's change screening alone, without a database: the part of a delta re-screening whose cost grows
 * with the engagements' names. A synthetic list of 100,000 entries (recombined from the real names), its next
 * version's change (250 entries given an alias, 500 added), the change's small index built with the whole new
 * version's word weights (as {@code ChangeScreener} builds it), and about 14,000 engagement-like names (other
 * recombined names, one in 60 drawn from the change's own names), prepared and sharing their tokens as
 * monitoring's {@code SubjectIndex} keeps them. Each pass screens every name through a new exhaustive batch (one
 * per list version, as a delta does) on one thread, and prints its CPU time, what it allocated, the hits and a
 * hash of every hit's entry and score (a change that moves a result shows there).
 *
 * <p>The rescreen benchmark's rounds move with this host's noise by more than most changes to this code make
 * (the same change screening took 259 to 881 ms from round to round); one thread's CPU time over many passes,
 * compared on the same host in turn, moves less. Usage: {@code ChangeScreeningBenchmark LISTS_DIR [PASSES]}
 * (default 16; the first 4 warm the JVM up and are left out of the median and the minimum).
 */
public final class ChangeScreeningBenchmark {
    private static final int WARM_UP_PASSES = 4;

    private ChangeScreeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        if (passes <= WARM_UP_PASSES) {
            throw new IllegalArgumentException("PASSES must be more than the " + WARM_UP_PASSES + " warm-up passes: " + passes);
        }
        SyntheticList synth = new SyntheticList(NamePool.from(Path.of(args[0])));
        List<ListEntry> before = new ArrayList<>();
        synth.generate("bench", 100_000, 1, before::add);
        List<ListEntry> change = new ArrayList<>();
        for (int i = 250; i < 500; i++) {
            change.add(before.get(i).toBuilder().alias("Changed Alias " + i).build());
        }
        int[] added = {0};
        synth.generate("bench", 500, 1000, a -> {
            ListEntry.Builder b = ListEntry.builder("bench", "new-" + added[0]++).schema(a.schema()).name(a.name());
            a.aliases().forEach(b::alias);
            a.countries().forEach(b::country);
            change.add(b.build());
        });
        List<ListEntry> after = new ArrayList<>(before.subList(500, before.size()));
        after.addAll(change);
        ScreeningIndex whole = ScreeningIndex.build(after);
        ScreeningIndex changed = ScreeningIndex.build(change, whole.weights());
        // what preparing a delta builds for each version, apart from screening: the change's index, alone (its names
        // normalised anew) and on the whole index (keeping the names it normalised, as monitoring builds it), in turn
        long[][] builds = new long[2][8];
        for (int i = 0; i < builds[0].length; i++) {
            for (int k = 0; k < 2; k++) {
                int way = (i + k) % 2;
                long started = System.nanoTime();
                changed = way == 0 ? ScreeningIndex.build(change, whole.weights()) : ScreeningIndex.build(change, whole.weights(), whole);
                builds[way][i] = System.nanoTime() - started;
            }
        }
        for (int way = 0; way < 2; way++) {
            System.out.printf(Locale.ROOT, "  the change's index built %s in %s ms (wall, on every core; eight builds)%n",
                    way == 0 ? "alone" : "on the whole index",
                    Arrays.stream(builds[way]).mapToObj(b -> Long.toString(b / 1_000_000)).collect(java.util.stream.Collectors.joining(", ")));
        }

        List<String> unlisted = new ArrayList<>();
        synth.generate("other", 20_000, 3, e -> unlisted.add(e.name()));
        SplittableRandom rnd = new SplittableRandom(4);
        List<ScreeningIndex.PreparedName> names = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String name = i % 500 < 8 ? change.get(250 + rnd.nextInt(500)).name() : unlisted.get(i * 2);
            boolean person = name.contains(",") || rnd.nextInt(3) == 0;
            names.add(ScreeningIndex.PreparedName.of(name, person ? Schema.PERSON : Schema.ORGANIZATION));
            if (!person) {
                // an organisation's engagement names a second party or an owner
                names.add(ScreeningIndex.PreparedName.of(unlisted.get(i * 2 + 1), Schema.ORGANIZATION));
            }
        }
        names = ScreeningIndex.PreparedName.sharingTokens(names);
        System.out.printf(Locale.ROOT, "change screening: %,d names against the %,d entries a version of %,d changed, one thread%n",
                names.size(), change.size(), after.size());

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // the names' words keyed once, as monitoring keeps them until engagements are added
        long keyingStarted = System.nanoTime();
        QueryWords words = QueryWords.of(names);
        System.out.printf(Locale.ROOT, "  the names' %,d words keyed in %d ms%n", words.size(), (System.nanoTime() - keyingStarted) / 1_000_000);
        // each pass once with every query word expanded through the change, once with the change's words finding the
        // names' the other way round (as monitoring screens), in turn, the way that goes first alternating
        long[][] cpu = new long[2][passes];
        long[][] processCpu = new long[2][passes];
        String[] ways = {"expanded", "the other way round"};
        for (int p = 0; p < passes; p++) {
            for (int k = 0; k < 2; k++) {
                int way = (p + k) % 2;
                long processBefore = process.getProcessCpuTime();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                // made inside the pass: finding the names' words the other way round is part of screening them
                long madeAt = System.nanoTime();
                ScreeningIndex.ExhaustiveBatch batch = way == 0 ? changed.exhaustiveBatch() : changed.exhaustiveBatch(words);
                long made = System.nanoTime() - madeAt;
                int hits = 0;
                long hash = 0;
                for (ScreeningIndex.PreparedName n : names) {
                    ScreeningQuery q = new ScreeningQuery(n.name(), n.schema(), List.of("GB"), null, null);
                    for (Candidate c : batch.screen(q, n, Thresholds.defaultFor(n.schema()))) {
                        hits++;
                        hash = hash * 31 + (c.entry().sourceId() + c.score()).hashCode();
                    }
                }
                cpu[way][p] = threads.getCurrentThreadCpuTime() - cpuBefore;
                processCpu[way][p] = process.getProcessCpuTime() - processBefore;
                System.out.printf(Locale.ROOT, "  pass %2d%s, %-19s: %5d ms CPU (the process %5d ms), batch made in %3d ms, %4d MB allocated, %d hits, hash %016x%n",
                        p + 1, p < WARM_UP_PASSES ? " (warm-up)" : "", ways[way], cpu[way][p] / 1_000_000, processCpu[way][p] / 1_000_000,
                        made / 1_000_000, (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) >> 20, hits, hash);
            }
        }
        for (int way = 0; way < 2; way++) {
            double[] timed = Arrays.stream(cpu[way], WARM_UP_PASSES, passes).asDoubleStream().toArray();
            double[] timedProcess = Arrays.stream(processCpu[way], WARM_UP_PASSES, passes).asDoubleStream().toArray();
            System.out.printf(Locale.ROOT, "  %-19s: CPU per pass median %.0f ms, minimum %.0f ms; the process's median %.0f ms (of %d passes after %d to warm up)%n",
                    ways[way], Latencies.median(timed) / 1_000_000, Arrays.stream(timed).min().orElseThrow() / 1_000_000,
                    Latencies.median(timedProcess) / 1_000_000, timed.length, WARM_UP_PASSES);
        }
    }
}
