package edu.scrutiny.benchmarks;

import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.cli.DataSession;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.monitoring.RescreenSummary;
import edu.scrutiny.app.monitoring.Rescreening;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Monitoring's benchmark: with N stored engagements (parties with realistic names from the shared
 * lists' vocabulary, some of them listed) and a list of M entries, a new version in which 1% of
 * the entries changed (half added, a quarter removed, a quarter changed) is imported, and the
 * delta re-screening is timed against a full re-screening of every engagement, each on its own
 * copy of the same database, after three untimed delta re-screenings on other copies (the JVM warm,
 * as a running server's is). Both must raise the same alerts on the entries the version changed.
 *
 * <p>Each is timed ROUNDS times, every round on a fresh copy in a fresh application context, and the
 * ratio is that of the medians: one delta of two or three seconds moved by half between two runs on
 * this machine, with young-generation pauses alone 0.2 to 0.8 s of it, so one sample said more about
 * the machine's minute than about the code. Each round prints its wall and CPU time, the collector's
 * pauses and the JIT compiler's time in it.
 *
 * <p>Usage: {@code RescreenBenchmark LISTS_DIR [ENGAGEMENTS] [ENTRIES] [ROUNDS]} (defaults 10,000, 100,000 and 3).
 */
public final class RescreenBenchmark {
    private static final String LIST = "bench_watchlist";
    /** Untimed delta re-screenings before the timed ones (see where they run). */
    private static final int WARM_UP_RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path listsDir = Path.of(args[0]);
        int engagementCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int entryCount = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        if (rounds < 1) {
            throw new IllegalArgumentException("ROUNDS must be at least 1, not " + rounds);
        }
        Path work = Files.createTempDirectory("scrutiny-rescreen");
        try {
            run(listsDir, engagementCount, entryCount, rounds, work);
        } finally {
            delete(work);
        }
    }

    private static void run(Path listsDir, int engagementCount, int entryCount, int rounds, Path work) throws Exception {
        SyntheticList synth = new SyntheticList(NamePool.from(listsDir));
        List<ListEntry> v1 = new ArrayList<>(entryCount);
        synth.generate(LIST, entryCount, 1, v1::add);
        int changes = entryCount / 100;
        int removeCount = changes / 4;
        int changeCount = changes / 4;
        int addCount = changes - removeCount - changeCount;
        List<ListEntry> added = new ArrayList<>();
        synth.generate(LIST, addCount, 2, e -> added.add(e.toBuilder().build()));
        List<ListEntry> v2 = new ArrayList<>(entryCount + addCount);
        for (int i = removeCount; i < v1.size(); i++) {
            ListEntry e = v1.get(i);
            v2.add(i < removeCount + changeCount ? e.toBuilder().alias("Changed Alias " + i).remarks("changed in version 2").build() : e);
        }
        for (int i = 0; i < added.size(); i++) {
            ListEntry a = added.get(i);
            ListEntry.Builder b = ListEntry.builder(LIST, "new-" + i).schema(a.schema()).name(a.name());
            a.aliases().forEach(b::alias);
            a.countries().forEach(b::country);
            v2.add(b.build());
        }
        Path v1File = write(work.resolve("v1/" + LIST + ".csv"), v1);
        Path v2File = write(work.resolve("v2/" + LIST + ".csv"), v2);

        // engagements: names not on the list, and some on it: on entries that stay, that v2 removes, and that v2 adds
        List<String> unlisted = new ArrayList<>();
        synth.generate("other", engagementCount * 2L, 3, e -> unlisted.add(e.name()));
        SplittableRandom rnd = new SplittableRandom(4);
        List<Engagement> engagements = new ArrayList<>(engagementCount);
        for (int i = 0; i < engagementCount; i++) {
            String name;
            boolean person;
            // planted: 0.2% of engagements name an entry version 2 adds, 0.1% one it removes, 1% one that stays
            if (i % 500 == 0) {
                ListEntry e = added.get(rnd.nextInt(added.size()));
                name = e.name();
                person = e.schema() == edu.scrutiny.lists.Schema.PERSON;
            } else if (i % 1000 == 1) {
                ListEntry e = v1.get(rnd.nextInt(removeCount));
                name = e.name();
                person = e.schema() == edu.scrutiny.lists.Schema.PERSON;
            } else if (i % 100 == 2) {
                ListEntry e = v1.get(removeCount + changeCount + rnd.nextInt(v1.size() - removeCount - changeCount));
                name = e.name();
                person = e.schema() == edu.scrutiny.lists.Schema.PERSON;
            } else {
                name = unlisted.get(i * 2);
                person = name.contains(",") || rnd.nextInt(3) == 0;
            }
            List<Engagement.Party> parties = new ArrayList<>();
            parties.add(new Engagement.Party(name, person ? Engagement.Kind.PERSON : Engagement.Kind.ORGANIZATION, "GB",
                    person ? Engagement.Role.VISITOR : Engagement.Role.SPONSOR, person ? null : Engagement.OrganizationType.COMPANY,
                    person ? List.of() : List.of(new Engagement.Owner(unlisted.get(i * 2 + 1), 100.0, "GB"))));
            parties.add(new Engagement.Party("University of Edinburgh", Engagement.Kind.ORGANIZATION, "GB",
                    Engagement.Role.HOME_INSTITUTION, Engagement.OrganizationType.UNIVERSITY, List.of()));
            engagements.add(new Engagement("Benchmark engagement " + i, null, person ? Engagement.Type.VISITING_RESEARCHER
                    : Engagement.Type.SPONSORED_RESEARCH, false, null, LocalDate.parse("2026-01-05"), null, null, null, null,
                    new Engagement.Funding(BigDecimal.valueOf(10_000), "USD", Engagement.FundingSource.INDUSTRY),
                    parties, List.of("GB"), List.of("mathematics")));
        }

        System.out.printf(Locale.ROOT, "rescreen benchmark: %,d engagements, list of %,d entries; version 2 changes %,d (%,d added, %,d removed, %,d changed)%n",
                engagementCount, entryCount, changes, addCount, removeCount, changeCount);
        Path a = work.resolve("a");
        long t0 = System.nanoTime();
        ImportResult second;
        try (ConfigurableApplicationContext ctx = start(a)) {
            ListCatalog catalog = ctx.getBean(ListCatalog.class);
            catalog.importList(v1File, LocalDate.parse("2026-01-01"), ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "benchmark");
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  import version 1:                %8.1f s%n", (t1 - t0) / 1e9);
            Engagements store = ctx.getBean(Engagements.class);
            for (Engagement e : engagements) {
                store.submit(e, "benchmark", "benchmark");
            }
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  submit and assess engagements:   %8.1f s (%.1f ms each)%n", (t2 - t1) / 1e9, (t2 - t1) / 1e6 / engagementCount);
            second = catalog.importList(v2File, LocalDate.parse("2026-02-01"), ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "benchmark");
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  import version 2 (with its diff): %7.1f s: %s%n", (t3 - t2) / 1e9, second.summary());
        }
        // kept as imported: every timed round starts from a copy of it, and any alert only one of the two
        // re-screenings raised is explained on it afterwards
        Path t = work.resolve("t");
        copy(a, t);
        // warm-up, as a running server is warm: delta re-screenings on copies, untimed, so that the timed ones do
        // not pay for compiling the code they run (the full re-screening warms up in its first seconds). One was
        // not enough: screening the change alone took 2.3, 1.3, then 0.53 s of CPU in three runs in one JVM,
        // and steadily 0.53 after, as the optimising compiler got to it; on two cores it competed with the work
        for (int r = 0; r < WARM_UP_RUNS; r++) {
            Path w = work.resolve("warm-up-" + r);
            copy(t, w);
            try (ConfigurableApplicationContext ctx = start(w)) {
                timeIndex(ctx);
                ctx.getBean(Rescreening.class).prepare();
                long s = System.nanoTime();
                ctx.getBean(Rescreening.class).rescreen(second.version().id());
                System.out.printf(Locale.ROOT, "  delta re-screening, warm-up run %d of %d on a copy: %5.2f s%s%n", r + 1, WARM_UP_RUNS,
                        (System.nanoTime() - s) / 1e9, r == 0 ? " (JIT cold)" : "");
            }
            delete(w);
        }

        RescreenSummary delta = null;
        Set<String> deltaAlerts = null;
        double[] deltaSeconds = new double[rounds];
        double[] deltaCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Path d = work.resolve("delta-" + r);
            copy(t, d);
            collectClosedContexts();
            try (ConfigurableApplicationContext ctx = start(d)) {
                double build = timeIndex(ctx);
                long p = System.nanoTime();
                ctx.getBean(Rescreening.class).prepare();
                double prepare = (System.nanoTime() - p) / 1e9;
                if (r == 0) {
                    System.out.printf(Locale.ROOT, "  screening index of both versions: %7.1f s (done by the import in a running server)%n", build);
                    System.out.printf(Locale.ROOT, "  index of the engagements' names:  %7.1f s (kept between imports; rebuilt when engagements are added)%n", prepare);
                }
                Meter meter = Meter.start();
                RescreenSummary summary = ctx.getBean(Rescreening.class).rescreen(second.version().id());
                Meter.Reading reading = meter.read();
                deltaSeconds[r] = reading.seconds();
                deltaCpu[r] = reading.cpuSeconds();
                System.out.printf(Locale.ROOT, "  delta re-screening, round %d:     %s%n", r + 1, reading);
                if (r == 0) {
                    delta = summary;
                    deltaAlerts = alerts(ctx);
                    // the same again: the screening repeated with the code warm, nothing left to re-assess
                    long again = System.nanoTime();
                    RescreenSummary repeat = ctx.getBean(Rescreening.class).rescreen(second.version().id());
                    System.out.printf(Locale.ROOT, "  delta re-screening run again:     %8.2f s  (%,d re-assessed, %,d alerts: nothing left to do)%n",
                            (System.nanoTime() - again) / 1e9, repeat.reassessed(), repeat.alerts());
                }
            }
            delete(d);
        }
        int fullChanged = 0;
        Set<String> fullAlerts = null;
        double[] fullSeconds = new double[rounds];
        double[] fullCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Path f = work.resolve("full-" + r);
            copy(t, f);
            collectClosedContexts();
            try (ConfigurableApplicationContext ctx = start(f)) {
                timeIndex(ctx);
                Meter meter = Meter.start();
                int changed = ctx.getBean(Rescreening.class).rescreenEverything(delta.asOf(), ctx.getBean(ListCatalog.class).version(second.version().id()).orElseThrow());
                Meter.Reading reading = meter.read();
                fullSeconds[r] = reading.seconds();
                fullCpu[r] = reading.cpuSeconds();
                System.out.printf(Locale.ROOT, "  full re-screening, round %d:      %s%n", r + 1, reading);
                if (r == 0) {
                    fullChanged = changed;
                    fullAlerts = alerts(ctx);
                }
            }
            delete(f);
        }
        double deltaMedian = Latencies.median(deltaSeconds);
        double fullMedian = Latencies.median(fullSeconds);
        System.out.printf(Locale.ROOT, "  delta re-screening:              %8.2f s  (median of %d; %,d engagements screened against %,d entries, %,d re-assessed, %,d alerts)%n",
                deltaMedian, rounds, delta.engagements(), delta.added() + delta.changed(), delta.reassessed(), delta.alerts());
        System.out.printf(Locale.ROOT, "  full re-screening:               %8.2f s  (median of %d; %,d engagements re-assessed against %,d entries, %,d changed, %,d alerts)%n",
                fullMedian, rounds, delta.engagements(), v2.size(), fullChanged, fullAlerts.size());
        System.out.printf(Locale.ROOT, "  ratio full / delta:              %8.1f x  (of the CPU time's medians: %.1f x, %.2f / %.2f s)%n",
                fullMedian / deltaMedian, Latencies.median(fullCpu) / Latencies.median(deltaCpu), Latencies.median(fullCpu), Latencies.median(deltaCpu));
        // alerts on the entries the version changed must be the same; on unchanged entries, only the full
        // re-screening can raise any: scores near the threshold move a little when the word weights move with the list
        Set<String> changedIds = new TreeSet<>();
        added.forEach(e -> changedIds.add(e.sourceId()));
        for (int i = 0; i < removeCount + changeCount; i++) {
            changedIds.add(v1.get(i).sourceId());
        }
        for (int i = 0; i < added.size(); i++) {
            changedIds.add("new-" + i);
        }
        Set<String> deltaOnChange = onEntries(deltaAlerts, changedIds);
        Set<String> fullOnChange = onEntries(fullAlerts, changedIds);
        System.out.println("  hit alerts on the changed entries: delta " + deltaOnChange.size() + ", full " + fullOnChange.size()
                + ", the same: " + deltaOnChange.equals(fullOnChange)
                + (deltaOnChange.equals(fullOnChange) ? "" : " (delta only: " + diff(deltaOnChange, fullOnChange) + "; full only: " + diff(fullOnChange, deltaOnChange) + ")"));
        if (!deltaOnChange.equals(fullOnChange)) {
            Set<String> differ = new TreeSet<>(fullOnChange);
            differ.removeAll(deltaOnChange);
            Set<String> deltaOnly = new TreeSet<>(deltaOnChange);
            deltaOnly.removeAll(fullOnChange);
            differ.addAll(deltaOnly);
            try (ConfigurableApplicationContext ctx = start(t)) {
                for (String alert : differ.stream().limit(5).toList()) {
                    RescreenTrace.explain(ctx, second.version().id(), delta.asOf(), alert, System.out);
                }
            }
        }
        Set<String> drift = new TreeSet<>(fullAlerts);
        drift.removeAll(fullOnChange);
        drift.removeIf(x -> x.startsWith("TIER_CHANGED"));
        System.out.println("  hit alerts of the full re-screening on unchanged entries (scores crossing the threshold as weights move): " + drift.size());
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(ScrutinyApplication.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + DataSession.h2Url(data),
                        "spring.datasource.username=sa", "scrutiny.monitoring.rescreen-on-import=false",
                        "logging.level.root=WARN", "logging.level.edu.scrutiny.app.monitoring=INFO", "spring.main.banner-mode=off")
                .run();
    }

    private static double timeIndex(ConfigurableApplicationContext ctx) {
        long s = System.nanoTime();
        ctx.getBean(Screening.class).snapshot();
        return (System.nanoTime() - s) / 1e9;
    }

    private static Set<String> alerts(ConfigurableApplicationContext ctx) {
        return ctx.getBean(Alerts.class).open().stream()
                .map((Alert x) -> x.kind() + " " + x.engagementId() + " " + (x.sourceId() == null ? "" : x.sourceId()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> onEntries(Set<String> alerts, Set<String> ids) {
        Set<String> out = new TreeSet<>();
        for (String a : alerts) {
            String[] parts = a.split(" ");
            if (parts.length == 3 && ids.contains(parts[2])) {
                out.add(a);
            }
        }
        return out;
    }

    private static String diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d.stream().limit(5).toList() + (d.size() > 5 ? " and " + (d.size() - 5) + " more" : "");
    }

    private static Path write(Path file, List<ListEntry> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(
                     "id", "name", "aliases", "schema", "country", "programs", "listed_on", "delisted_on", "parent", "ownership",
                     "source_url", "remarks").get())) {
            for (ListEntry e : entries) {
                csv.printRecord(e.sourceId(), e.name(), e.aliases().stream().map(Alias::name).map(n -> n.replace(";", " "))
                                .collect(Collectors.joining(";")), e.schema().ftmName(), String.join(";", e.countries()), "",
                        "2025-01-01", "", "", "", "", e.remarks() == null ? "" : e.remarks());
            }
        }
        return file;
    }

    /**
     * A full collection before a timed round's context starts: the contexts closed before it (each with
     * the screening indexes of both versions, a gigabyte or more) are garbage a server never makes, and
     * the first timed round after the warm-up paid for collecting them (its change screening 1.4 s where
     * the other rounds took 0.4 to 0.5 s). The round's own index is built after, as an import builds it
     * just before the re-screening in a server, so its garbage stays in the round as it would there.
     */
    private static void collectClosedContexts() {
        System.gc();
    }

    /**
     * What a timed step cost: wall time, the JVM's CPU time (all threads, the collector's and the
     * compiler's too: it follows the wall time when the work itself is slower, not when the JVM is
     * descheduled), the collector's pauses and the JIT compiler's time (on two cores, time the work does
     * not get). G1's concurrent cycle's bean is left out of the pauses: most of its time runs beside the
     * application.
     */
    private record Meter(long nanos, long cpuNanos, long gcMillis, long jitMillis) {
        record Reading(double seconds, double cpuSeconds, double gcSeconds, double jitSeconds) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%8.2f s  (CPU %.2f s; collector's pauses %.2f s; JIT compiling %.2f s)",
                        seconds, cpuSeconds, gcSeconds, jitSeconds);
            }
        }

        static Meter start() {
            return new Meter(System.nanoTime(), cpuNanosNow(), gcMillisNow(), jitMillisNow());
        }

        Reading read() {
            return new Reading((System.nanoTime() - nanos) / 1e9, (cpuNanosNow() - cpuNanos) / 1e9,
                    (gcMillisNow() - gcMillis) / 1e3, (jitMillisNow() - jitMillis) / 1e3);
        }

        private static long cpuNanosNow() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long gcMillisNow() {
            long ms = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!gc.getName().contains("Concurrent")) {
                    ms += Math.max(0, gc.getCollectionTime());
                }
            }
            return ms;
        }

        private static long jitMillisNow() {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
