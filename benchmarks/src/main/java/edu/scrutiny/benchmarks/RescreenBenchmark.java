package edu.scrutiny.benchmarks;

import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.Assessments;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Monitoring's benchmark: with N stored engagements (parties with realistic names from the shared
 * lists' vocabulary, some of them listed) and a list of M entries, a chain of new versions is
 * imported, each changing 1% of the entries of the one before (half added, a quarter removed, a
 * quarter changed), and each version's delta re-screening is timed against a full re-screening of
 * every engagement on the same version.
 *
 * <p>Each side runs the whole chain in one application context on its own copy of the same database,
 * as a running server imports version after version. The two sides run in step, version by version,
 * taking turns at going first, and the heap is collected before each import: so both sides' rounds of
 * a version meet the same host, and neither collects the other's garbage. (Until stop 39 the full
 * side ran its whole chain first, then the delta side: a stretch of another tenant's load on this
 * shared host fell on one side's rounds and not the other's, and moved the ratio from 14.8 to 21.0
 * on the same code.) The first six versions warm the JVM up; the next ROUNDS are timed, and the ratio
 * is that of the medians. (Until stop 28 every round ran on a fresh copy in a fresh context, and each timed
 * delta of about a second spent 0.6 to 1.5 s of compiler time recompiling code already compiled in
 * the contexts before it, which a server compiles once.) Each round prints its wall and CPU time, the
 * collector's pauses and the JIT compiler's time in it.
 *
 * <p>What the delta must not miss, checked on every version: the hits the engagements' latest
 * assessments count on the entries the version added or changed, which must be the same on both
 * sides after it; and, on the first version, which both sides re-screen from the same database, the
 * hit alerts on those entries, which must be the same. (After the first version the two databases
 * differ: the full re-screening also records hits that moved on unchanged entries as the word
 * weights moved, and the delta does not look at those, so a later version's alerts can differ where
 * such an entry then changes.)
 *
 * <p>Usage: {@code RescreenBenchmark LISTS_DIR [ENGAGEMENTS] [ENTRIES] [ROUNDS]} (defaults 10,000, 100,000 and 5: a
 * delta's rounds on one context still moved from 1.4 to 3.9 s, and a median of five moves less than one of three).
 */
public final class RescreenBenchmark {
    private static final String LIST = "bench_watchlist";
    /**
     * Untimed versions before the timed ones. Screening a change took 2.3, 1.3, then 0.53 s of CPU in the first runs
     * of a JVM. After three, the compiler still took 0.15-0.80 s of CPU in each timed delta round (median about 0.25 s,
     * of 1.2-2.0 s): C2 reaching the recording's methods (case routing, notifications, H2's row updates), which
     * a delta runs a few hundred times and a full re-screening ten thousand. After six, 0.05-0.50 s, median 0.14 s
     * in two runs (after eight, 0.00-0.22 s): closer to what a server that has imported a few versions runs (stop 34,
     * docs/matching.md).
     */
    private static final int WARM_UP_RUNS = 6;
    /** Engagements planted on the entries a version adds are those whose number modulo 500 is the version's index. */
    private static final int MAX_VERSIONS = 40;
    /** Traces of differences printed at most. */
    private static final int TRACES = 5;

    public static void main(String[] args) throws Exception {
        Path listsDir = Path.of(args[0]);
        int engagementCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int entryCount = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (rounds < 1 || rounds + WARM_UP_RUNS > MAX_VERSIONS) {
            throw new IllegalArgumentException("ROUNDS must be from 1 to " + (MAX_VERSIONS - WARM_UP_RUNS) + ", not " + rounds);
        }
        Path work = Files.createTempDirectory("scrutiny-rescreen");
        try {
            run(listsDir, engagementCount, entryCount, rounds, work);
        } finally {
            delete(work);
        }
    }

    /** A version of the chain: its number (version 1 is the first import), its file and the entries it added, removed or changed. */
    private record Version(int number, Path file, LocalDate effective, List<ListEntry> added, List<ListEntry> removed,
                           Set<String> changedIds, int entries) {
    }

    /** One side's re-screening of one version. */
    private record Round(Version version, Meter.Reading reading, int changedEngagements,
                         Set<String> alerts, Map<String, Set<String>> countedBefore, Map<String, Set<String>> counted) {
        /** Its alerts on the entries the version changed. */
        Set<String> alertsOnChange() {
            return onEntries(alerts, version.changedIds());
        }

        int countedHits() {
            return counted.values().stream().mapToInt(Set::size).sum();
        }

        /** Whether the engagement's latest assessment counted a hit on the entry before this re-screening. */
        boolean countedBefore(String engagement, String sourceId) {
            return countedBefore.getOrDefault(engagement, Set.of()).contains(sourceId);
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
        int versionCount = WARM_UP_RUNS + rounds;
        // each version removes and changes entries of version 1 none before it touched; the rest stay throughout
        int touched = versionCount * (removeCount + changeCount);
        if (touched > entryCount / 2) {
            throw new IllegalArgumentException(entryCount + " entries are too few for " + versionCount + " versions of 1% changes");
        }
        Path v1File = write(work.resolve("v1/" + LIST + ".csv"), v1);
        List<Version> versions = new ArrayList<>(versionCount);
        Map<String, ListEntry> current = new LinkedHashMap<>();
        v1.forEach(e -> current.put(e.sourceId(), e));
        for (int k = 0; k < versionCount; k++) {
            int number = k + 2;
            int base = k * (removeCount + changeCount);
            Set<String> changedIds = new TreeSet<>();
            List<ListEntry> removed = new ArrayList<>(v1.subList(base, base + removeCount));
            removed.forEach(e -> {
                current.remove(e.sourceId());
                changedIds.add(e.sourceId());
            });
            for (int i = base + removeCount; i < base + removeCount + changeCount; i++) {
                ListEntry e = v1.get(i);
                current.put(e.sourceId(), e.toBuilder().alias("Changed Alias " + i).remarks("changed in version " + number).build());
                changedIds.add(e.sourceId());
            }
            List<ListEntry> added = new ArrayList<>(addCount);
            int[] i = {0};
            synth.generate(LIST, addCount, 1000 + k, a -> {
                ListEntry.Builder b = ListEntry.builder(LIST, "new-" + number + "-" + i[0]++).schema(a.schema()).name(a.name());
                a.aliases().forEach(b::alias);
                a.countries().forEach(b::country);
                added.add(b.build());
            });
            added.forEach(e -> {
                current.put(e.sourceId(), e);
                changedIds.add(e.sourceId());
            });
            Path file = write(work.resolve("v" + number + "/" + LIST + ".csv"), List.copyOf(current.values()));
            versions.add(new Version(number, file, LocalDate.of(2026, 1, 1).plusDays(7L * (k + 1)), added, removed, changedIds, current.size()));
        }

        // engagements: names not on the list, and some on it: for each version, 0.2% on an entry it adds and 0.1% on
        // one it removes; and 1% on entries that stay throughout
        List<String> unlisted = new ArrayList<>();
        synth.generate("other", engagementCount * 2L, 3, e -> unlisted.add(e.name()));
        SplittableRandom rnd = new SplittableRandom(4);
        List<Engagement> engagements = new ArrayList<>(engagementCount);
        for (int i = 0; i < engagementCount; i++) {
            ListEntry planted = null;
            if (i % 500 < versionCount) {
                List<ListEntry> added = versions.get(i % 500).added();
                planted = added.get(rnd.nextInt(added.size()));
            } else if (i % 1000 >= 450 && i % 1000 < 450 + versionCount) {
                List<ListEntry> removed = versions.get(i % 1000 - 450).removed();
                planted = removed.get(rnd.nextInt(removed.size()));
            } else if (i % 100 == 45) {
                planted = v1.get(touched + rnd.nextInt(v1.size() - touched));
            }
            String name = planted != null ? planted.name() : unlisted.get(i * 2);
            boolean person = planted != null ? planted.schema() == edu.scrutiny.lists.Schema.PERSON : name.contains(",") || rnd.nextInt(3) == 0;
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

        System.out.printf(Locale.ROOT, "rescreen benchmark: %,d engagements, list of %,d entries; %d versions after it (%d to warm up, %d timed),"
                        + " each changing %,d entries of the one before (%,d added, %,d removed, %,d changed)%n",
                engagementCount, entryCount, versionCount, WARM_UP_RUNS, rounds, changes, addCount, removeCount, changeCount);
        Path a = work.resolve("a");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = start(a)) {
            ctx.getBean(ListCatalog.class).importList(v1File, LocalDate.parse("2026-01-01"), ListCategory.EXPORT_CONTROL,
                    ListCatalog.ImportProgress.NONE, "benchmark");
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  import version 1:                %8.1f s%n", (t1 - t0) / 1e9);
            Engagements store = ctx.getBean(Engagements.class);
            for (Engagement e : engagements) {
                store.submit(e, "benchmark", "benchmark");
            }
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  submit and assess engagements:   %8.1f s (%.1f ms each)%n", (t2 - t1) / 1e9, (t2 - t1) / 1e6 / engagementCount);
        }
        Path full = work.resolve("full");
        copy(a, full);
        Path delta = work.resolve("delta");
        copy(a, delta);
        List<Round> fullRounds = new ArrayList<>(versionCount);
        List<Round> deltaRounds = new ArrayList<>(versionCount);
        try (Side fullSide = new Side(false, full); Side deltaSide = new Side(true, delta)) {
            deltaSide.prepare();
            int traces = 0;
            for (int k = 0; k < versionCount; k++) {
                Version v = versions.get(k);
                // the two sides take turns at going first, so that neither always runs just after the other
                if (k % 2 == 0) {
                    fullRounds.add(fullSide.round(v, k));
                    deltaRounds.add(deltaSide.round(v, k));
                } else {
                    deltaRounds.add(deltaSide.round(v, k));
                    fullRounds.add(fullSide.round(v, k));
                }
                traces = deltaSide.compare(deltaRounds.get(k), fullRounds.get(k), k, traces);
            }
        }

        double[] deltaSeconds = timed(deltaRounds, Meter.Reading::seconds);
        double[] fullSeconds = timed(fullRounds, Meter.Reading::seconds);
        double deltaMedian = Latencies.median(deltaSeconds);
        double fullMedian = Latencies.median(fullSeconds);
        Round lastDelta = deltaRounds.getLast();
        Round lastFull = fullRounds.getLast();
        System.out.printf(Locale.ROOT, "  delta re-screening:              %8.2f s  (median of %d; %,d engagements screened against %,d entries, the last %,d re-assessed, %,d alerts)%n",
                deltaMedian, rounds, engagementCount, addCount + changeCount, lastDelta.changedEngagements(), lastDelta.alerts().size());
        System.out.printf(Locale.ROOT, "  full re-screening:               %8.2f s  (median of %d; %,d engagements re-assessed against %,d entries, the last %,d changed, %,d alerts)%n",
                fullMedian, rounds, engagementCount, lastFull.version().entries(), lastFull.changedEngagements(), lastFull.alerts().size());
        System.out.printf(Locale.ROOT, "  ratio full / delta:              %8.1f x  (of the CPU time's medians: %.1f x, %.2f / %.2f s)%n",
                fullMedian / deltaMedian, Latencies.median(timed(fullRounds, Meter.Reading::cpuSeconds)) / Latencies.median(timed(deltaRounds, Meter.Reading::cpuSeconds)),
                Latencies.median(timed(fullRounds, Meter.Reading::cpuSeconds)), Latencies.median(timed(deltaRounds, Meter.Reading::cpuSeconds)));

        Set<String> deltaOnChange = deltaRounds.getFirst().alertsOnChange();
        Set<String> fullOnChange = fullRounds.getFirst().alertsOnChange();
        System.out.println("  hit alerts on the changed entries: delta " + deltaOnChange.size() + ", full " + fullOnChange.size()
                + ", the same: " + deltaOnChange.equals(fullOnChange)
                + (deltaOnChange.equals(fullOnChange) ? "" : " (delta only: " + diff(deltaOnChange, fullOnChange) + "; full only: " + diff(fullOnChange, deltaOnChange) + ")")
                + " (version " + versions.getFirst().number() + ", both re-screening the same database)");
        int deltaCounted = 0;
        int fullCounted = 0;
        boolean sameCounted = true;
        int alertsDiffer = 0;
        int unexplained = 0;
        for (int k = 0; k < versionCount; k++) {
            deltaCounted += deltaRounds.get(k).countedHits();
            fullCounted += fullRounds.get(k).countedHits();
            sameCounted &= deltaRounds.get(k).counted().equals(fullRounds.get(k).counted());
            Set<String> here = deltaRounds.get(k).alertsOnChange();
            Set<String> there = fullRounds.get(k).alertsOnChange();
            Set<String> differ = new TreeSet<>(diffOf(here, there));
            differ.addAll(diffOf(there, here));
            alertsDiffer += differ.size();
            unexplained += unexplained(differ, deltaRounds.get(k), fullRounds.get(k)).size();
        }
        System.out.println("  hits counted on the changed entries after each of the " + versionCount + " versions: delta " + deltaCounted
                + ", full " + fullCounted + ", the same: " + sameCounted);
        System.out.println("  hit alerts on the changed entries of all versions that only one side raised: " + alertsDiffer
                + (alertsDiffer == 0 ? "" : ", of which where the two databases counted the same hit before the version (a miss): " + unexplained));
        Set<String> drift = new TreeSet<>(fullRounds.getFirst().alerts());
        drift.removeAll(fullOnChange);
        drift.removeIf(x -> x.startsWith("TIER_CHANGED"));
        System.out.println("  hit alerts of the full re-screening of version " + versions.getFirst().number()
                + " on unchanged entries (scores crossing the threshold as weights move): " + drift.size());
    }

    /**
     * One side of the benchmark: its copy of the database in its own application context, kept open for the whole chain
     * of versions as a running server keeps it. The full side re-screens every engagement after each import, the delta
     * side runs the delta re-screening.
     */
    private static final class Side implements AutoCloseable {
        private final String name;
        private final boolean delta;
        private final ConfigurableApplicationContext ctx;
        private final ListCatalog catalog;
        private final Rescreening rescreening;
        private final Clock clock;
        /** The version this side imported last, and the date it re-screened it as of. */
        private long versionId;
        private LocalDate asOf;

        Side(boolean delta, Path data) {
            this.name = delta ? "delta" : "full";
            this.delta = delta;
            this.ctx = start(data);
            this.catalog = ctx.getBean(ListCatalog.class);
            this.rescreening = ctx.getBean(Rescreening.class);
            this.clock = ctx.getBean(Clock.class);
        }

        void prepare() {
            long p = System.nanoTime();
            rescreening.prepare();
            System.out.printf(Locale.ROOT, "  delta: index of the engagements' names: %.1f s (kept between imports; rebuilt when engagements are added)%n",
                    (System.nanoTime() - p) / 1e9);
        }

        /** Imports the version and re-screens after it, timed. */
        Round round(Version v, int k) throws IOException {
            // what this side counted on the version's entries before it: read before the import, and by engagement, not
            // by entry as the delta reads it, so that H2 cannot hand the delta the result of the same query
            Map<String, Set<String>> countedBefore = countedOn(ctx, v.changedIds());
            // the heap collected before the import, so that neither side's round collects what the other's left (a full
            // re-screening allocates about 9 GB); what the import itself leaves stays in the round, as in a server
            System.gc();
            long s = System.nanoTime();
            ImportResult imported = catalog.importList(v.file(), v.effective(), ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "benchmark");
            double importSeconds = (System.nanoTime() - s) / 1e9;
            double build = timeIndex(ctx);
            versionId = imported.version().id();
            LocalDate today = LocalDate.now(clock);
            asOf = v.effective().isAfter(today) ? v.effective() : today;
            long lastAlert = lastAlertId(ctx);
            long pagesBefore = pagesRead(ctx);
            Meter meter = Meter.start();
            int changedEngagements;
            if (!delta) {
                changedEngagements = rescreening.rescreenEverything(asOf, catalog.version(versionId).orElseThrow());
            } else {
                RescreenSummary summary = rescreening.rescreen(versionId);
                changedEngagements = summary.reassessed();
                if (!summary.asOf().equals(asOf)) {
                    throw new IllegalStateException("the delta re-screened version " + v.number() + " as of " + summary.asOf() + ", the full as of " + asOf);
                }
            }
            Meter.Reading reading = meter.read();
            long pages = pagesRead(ctx) - pagesBefore;
            Round round = new Round(v, reading, changedEngagements, alertsAfter(ctx, lastAlert),
                    countedBefore, ctx.getBean(Assessments.class).hitsOn(LIST, v.changedIds()));
            String label = k < WARM_UP_RUNS ? "warm-up " + (k + 1) + " of " + WARM_UP_RUNS : "round " + (k - WARM_UP_RUNS + 1);
            System.out.printf(Locale.ROOT, "  %s, version %d (%s): import %.1f s, index %.1f s; re-screening %s; %,d %s, %,d alerts; "
                            + "%,d pages read from the database's file%n",
                    name, v.number(), label, importSeconds, build, reading, changedEngagements,
                    delta ? "re-assessed" : "engagements whose hits changed", round.alerts().size(), pages);
            if (delta && k == WARM_UP_RUNS) {
                // the same again: the screening repeated with the code warm, nothing left to re-assess
                long again = System.nanoTime();
                RescreenSummary repeat = rescreening.rescreen(versionId);
                System.out.printf(Locale.ROOT, "  delta, version %d run again: %.2f s  (%,d re-assessed, %,d alerts: nothing left to do)%n",
                        v.number(), (System.nanoTime() - again) / 1e9, repeat.reassessed(), repeat.alerts());
            }
            return round;
        }

        /**
         * Compares this (the delta) side's round with the full's on the same version, and traces the differences while
         * the version is the latest (the recorded hits are the delta's, after it ran).
         *
         * @return the traces printed so far
         */
        int compare(Round round, Round other, int k, int traces) {
            boolean sameCounted = round.counted().equals(other.counted());
            Set<String> alertsHere = round.alertsOnChange();
            Set<String> alertsThere = other.alertsOnChange();
            Set<String> alertsDiffer = new TreeSet<>(diffOf(alertsHere, alertsThere));
            alertsDiffer.addAll(diffOf(alertsThere, alertsHere));
            Set<String> unexplained = unexplained(alertsDiffer, round, other);
            System.out.printf(Locale.ROOT, "    on the changed entries: hits counted delta %,d, full %,d, the same: %s; hit alerts delta %,d, full %,d, %d differ%s%n",
                    round.countedHits(), other.countedHits(), sameCounted, alertsHere.size(), alertsThere.size(), alertsDiffer.size(),
                    alertsDiffer.isEmpty() ? "" : unexplained.isEmpty() ? ", each where the two databases counted differently before the version"
                            : ", " + unexplained.size() + " not where the databases counted differently before it: " + unexplained);
            Set<String> differ = new TreeSet<>();
            if (!sameCounted) {
                differ.addAll(pairs(round.counted(), other.counted()));
                differ.addAll(pairs(other.counted(), round.counted()));
            }
            differ.addAll(unexplained);
            for (String d : differ) {
                if (traces++ < TRACES) {
                    RescreenTrace.explain(ctx, versionId, asOf, d, System.out);
                }
            }
            return traces;
        }

        @Override
        public void close() {
            ctx.close();
        }
    }

    /**
     * The alerts (KIND ENGAGEMENT SOURCE_ID) that only one side raised where the two databases counted the same before
     * the version: both sides count the same hits after it (checked apart), so an alert only one raised is
     * explained where the hit was counted on one side before and not on the other.
     */
    private static Set<String> unexplained(Set<String> alerts, Round delta, Round full) {
        Set<String> out = new TreeSet<>();
        for (String alert : alerts) {
            String[] parts = alert.split(" ");
            if (delta.countedBefore(parts[1], parts[2]) == full.countedBefore(parts[1], parts[2])) {
                out.add(alert);
            }
        }
        return out;
    }

    /** The timed rounds' figures (the warm-up ones left out). */
    private static double[] timed(List<Round> rounds, java.util.function.ToDoubleFunction<Meter.Reading> figure) {
        return rounds.subList(WARM_UP_RUNS, rounds.size()).stream().mapToDouble(r -> figure.applyAsDouble(r.reading())).toArray();
    }

    /** Hits counted in {@code a} and not in {@code b}, as "COUNTED ENGAGEMENT SOURCE_ID" for the trace. */
    private static Set<String> pairs(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Set<String> out = new TreeSet<>();
        a.forEach((engagement, ids) -> ids.stream().filter(id -> !b.getOrDefault(engagement, Set.of()).contains(id))
                .forEach(id -> out.add("COUNTED " + engagement + " " + id)));
        return out;
    }

    /** The hits the engagements' latest assessments count on these entries, by engagement. */
    private static Map<String, Set<String>> countedOn(ConfigurableApplicationContext ctx, Set<String> entries) {
        Map<String, Set<String>> out = new TreeMap<>();
        ctx.getBean(Assessments.class).hitsOfEngagements(LIST, ctx.getBean(Engagements.class).liveIds()).forEach((engagement, ids) -> {
            Set<String> on = new TreeSet<>(ids);
            on.retainAll(entries);
            if (!on.isEmpty()) {
                out.put(engagement, on);
            }
        });
        return out;
    }

    /**
     * The pages H2 has read from the database's file since it opened it: a page not in its cache is read and decoded
     * again, and an import passes through many pages of its own.
     */
    private static long pagesRead(ConfigurableApplicationContext ctx) {
        return ctx.getBean(JdbcClient.class).sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'info.FILE_READ'")
                .query(String.class).optional().map(Long::parseLong).orElse(0L);
    }

    private static long lastAlertId(ConfigurableApplicationContext ctx) {
        return ctx.getBean(Alerts.class).open().stream().mapToLong(Alert::id).max().orElse(0);
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

    /** The alerts raised after the one numbered {@code after}, as "KIND ENGAGEMENT SOURCE_ID". */
    private static Set<String> alertsAfter(ConfigurableApplicationContext ctx, long after) {
        return ctx.getBean(Alerts.class).open().stream().filter(x -> x.id() > after)
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

    private static Set<String> diffOf(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static String diff(Set<String> a, Set<String> b) {
        Set<String> d = diffOf(a, b);
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
     * What a timed step cost: wall time, the JVM's CPU time (all threads, the collector's and the
     * compiler's too: it follows the wall time when the work itself is slower, not when the JVM is
     * descheduled), the collector's pauses and the JIT compiler's time (on two cores, time the work does
     * not get). G1's concurrent cycle's bean is left out of the pauses: most of its time runs beside the
     * application.
     */
    private record Meter(long nanos, long cpuNanos, long gcMillis, long gcCount, long jitMillis, long allocated) {
        record Reading(double seconds, double cpuSeconds, double gcSeconds, long collections, double jitSeconds, double allocatedMegabytes) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%8.2f s  (CPU %.2f s; allocated %,.0f MB; collector's pauses %.2f s in %d; JIT compiling %.2f s)",
                        seconds, cpuSeconds, allocatedMegabytes, gcSeconds, collections, jitSeconds);
            }
        }

        static Meter start() {
            return new Meter(System.nanoTime(), cpuNanosNow(), gcMillisNow(), gcCountNow(), jitMillisNow(), allocatedNow());
        }

        Reading read() {
            return new Reading((System.nanoTime() - nanos) / 1e9, (cpuNanosNow() - cpuNanos) / 1e9,
                    (gcMillisNow() - gcMillis) / 1e3, gcCountNow() - gcCount, (jitMillisNow() - jitMillis) / 1e3,
                    (allocatedNow() - allocated) / 1e6);
        }

        /** What every thread allocated since the JVM started, those that ended too (the re-screenings' pools end with them). */
        private static long allocatedNow() {
            return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
        }

        private static long gcCountNow() {
            return pausing(GarbageCollectorMXBean::getCollectionCount);
        }

        private static long cpuNanosNow() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long gcMillisNow() {
            return pausing(GarbageCollectorMXBean::getCollectionTime);
        }

        /** A figure summed over the collectors that pause the application (not the concurrent cycles' own threads). */
        private static long pausing(java.util.function.ToLongFunction<GarbageCollectorMXBean> figure) {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!gc.getName().contains("Concurrent")) {
                    sum += Math.max(0, figure.applyAsLong(gc));
                }
            }
            return sum;
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
