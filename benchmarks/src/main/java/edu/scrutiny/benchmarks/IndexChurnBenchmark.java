package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.matching.ScreeningIndex;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What rebuilding the screening index after an import leaves new on the heap: an index of a synthetic list
 * of N entries (recombined from the real names), then the index of its next version (1% changed: a quarter
 * removed, a quarter given an alias, half added) built from it, as screening builds it after every import
 * ({@link ScreeningIndex#build(java.util.Collection, ScreeningIndex)}). Both indexes are kept; the live
 * objects by class before and after the second build (the JVM's class histogram, which collects first)
 * differ by what the new index holds that the old one did not. Those objects are young after the import,
 * and the collector copies them in whatever runs next (monitoring's delta): their number matters more than
 * their bytes, since a few large arrays are allocated outside the young generation.
 *
 * <p>Usage: {@code IndexChurnBenchmark LISTS_DIR [N]} (default 100,000, as the rescreen benchmark's list).
 */
public final class IndexChurnBenchmark {
    private IndexChurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        SyntheticList synth = new SyntheticList(NamePool.from(Path.of(args[0])));
        List<ListEntry> v1 = new ArrayList<>(n);
        synth.generate("bench", n, 1, v1::add);
        ScreeningIndex first = ScreeningIndex.build(v1);
        int quarter = n / 400;
        List<ListEntry> v2 = new ArrayList<>(v1.subList(quarter, n));
        for (int i = 0; i < quarter; i++) {
            v2.set(i, v2.get(i).toBuilder().alias("Changed Alias " + i).build());
        }
        synth.generate("bench", 2L * quarter, 7, v2::add);

        Map<String, long[]> before = histogram();
        long started = System.nanoTime();
        ScreeningIndex next = ScreeningIndex.build(v2, first);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, long[]> after = histogram();

        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        long objects = 0;
        long bytes = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            objects += d[0];
            bytes += d[1];
            grown.add(Map.entry(e.getKey(), d));
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        System.out.printf(Locale.ROOT, "index of %,d entries (%,d names), its next version built from it in %.2f s (%,d names)%n",
                first.size(), first.names(), seconds, next.names());
        System.out.printf(Locale.ROOT, "live objects the next index added: %,d objects, %,d MB%n", objects, bytes >> 20);
        System.out.println("      objects          bytes  class (most objects first)");
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(15, grown.size()))) {
            System.out.printf(Locale.ROOT, "%,13d %,14d  %s%n", e.getValue()[0], e.getValue()[1], e.getKey());
        }
    }

    /** Live objects and bytes by class name (a full collection first). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, long[]> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 4 && p[0].endsWith(":")) {
                out.put(p[3], new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
            }
        }
        return out;
    }
}
