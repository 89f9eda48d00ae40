package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The speed benchmark's queries ({@link SpeedBenchmark#queries}) screened on one thread, round after
 * round, timed by the thread's CPU time rather than the wall clock: a figure that other work on the
 * machine moves far less than a rate, for comparing two builds of the matcher one after the other
 * (A/B) when the machine is not quiet. First prints a hash of every candidate returned (entry, matched
 * name, score, explanation), so that a change meant to keep results can be seen to keep them.
 *
 * <p>Usage: {@code SpeedCpuTime LISTS_DIR [PER_SCRIPT] [ROUNDS] [LIMIT]} (defaults 200, 10, 25).
 */
public final class SpeedCpuTime {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int perScript = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        List<ListEntry> entries = new ArrayList<>();
        for (String name : SpeedBenchmark.LISTS) {
            Path path = dir.getParent().resolve(name);
            if (!Files.exists(path)) {
                System.out.println("speed CPU time: " + path + " is missing; skipped");
                continue;
            }
            try {
                Lists.standard().detectOne(path).read(entries::add);
            } catch (ListFormatException e) {
                // the entries read before the fault are kept, as the speed benchmark keeps them
                System.out.println("speed CPU time: " + name + " read in part: " + e.getMessage());
            }
        }
        ScreeningIndex index = ScreeningIndex.build(entries);
        Map<String, List<ScreeningQuery>> byScript = SpeedBenchmark.queries(entries, perScript);
        long hash = 1125899906842597L;
        for (List<ScreeningQuery> queries : byScript.values()) {
            for (ScreeningQuery q : queries) {
                for (Candidate c : index.screen(q, limit, Thresholds.PERSON)) {
                    hash = 31 * hash + (c.entry().sourceId() + "|" + c.matchedName() + "|" + c.score() + "|" + c.explain()).hashCode();
                }
            }
        }
        System.out.printf(Locale.ROOT, "results hash %016x (%,d entries, %d queries per script, limit %d)%n",
                hash, entries.size(), perScript, limit);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            StringBuilder perScriptLine = new StringBuilder();
            long all = 0;
            int n = 0;
            for (Map.Entry<String, List<ScreeningQuery>> s : byScript.entrySet()) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (ScreeningQuery q : s.getValue()) {
                    index.screen(q, limit, Thresholds.PERSON);
                }
                long t = threads.getCurrentThreadCpuTime() - t0;
                all += t;
                n += s.getValue().size();
                perScriptLine.append(String.format(Locale.ROOT, " %s %.2f", s.getKey().split(" ")[0], t / 1e6 / s.getValue().size()));
            }
            System.out.printf(Locale.ROOT, "round %d: all %.3f ms/q;%s%n", r, all / 1e6 / n, perScriptLine);
        }
    }
}
