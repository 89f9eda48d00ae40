package edu.scrutiny.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Two builds of the matcher compared in one JVM, round for round: the speed benchmark's queries
 * ({@link SpeedBenchmark#queries}) screened on one thread by each build in turn, timed by the
 * thread's CPU time, the order of the two alternating from round to round. On this machine the
 * same build's CPU time per query drifted by a third between two runs a minute apart, so two runs
 * one after the other could not show a change of a few per cent; within one JVM both builds meet
 * the same drift. Each build is loaded from its checkout's {@code benchmarks/target} (classes and
 * libraries) in a class loader of its own, and driven through the matcher's public API by
 * reflection, so that any two builds with that API compare; it first prints each build's hash of
 * all results (as {@link SpeedCpuTime} does), equal when a change keeps results.
 *
 * <p>Usage: {@code SpeedAb LISTS_DIR CHECKOUT_A CHECKOUT_B [PER_SCRIPT] [ROUNDS]} (defaults 200, 12);
 * each checkout built with {@code ./mvnw -q -B -DskipTests -pl benchmarks -am package}.
 */
public final class SpeedAb {
    private SpeedAb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SpeedAb LISTS_DIR CHECKOUT_A CHECKOUT_B [PER_SCRIPT] [ROUNDS]");
            System.exit(2);
        }
        Path lists = Path.of(args[0]);
        int perScript = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 12;
        Build a = Build.load("A", Path.of(args[1]), lists, perScript);
        Build b = Build.load("B", Path.of(args[2]), lists, perScript);
        long hashA = a.hash();
        long hashB = b.hash();
        System.out.printf(Locale.ROOT, "A %s: %,d queries, results hash %016x%n", a.checkout, a.queries.size(), hashA);
        System.out.printf(Locale.ROOT, "B %s: %,d queries, results hash %016x (%s)%n", b.checkout, b.queries.size(), hashB,
                hashA == hashB ? "the same results" : "DIFFERENT results");
        // warm both before timing: the first rounds compile the code
        for (int r = 0; r < 3; r++) {
            a.round();
            b.round();
        }
        double[] msA = new double[rounds];
        double[] msB = new double[rounds];
        int bFaster = 0;
        for (int r = 0; r < rounds; r++) {
            boolean aFirst = r % 2 == 0;
            long first = (aFirst ? a : b).round();
            long second = (aFirst ? b : a).round();
            msA[r] = (aFirst ? first : second) / 1e6 / a.queries.size();
            msB[r] = (aFirst ? second : first) / 1e6 / b.queries.size();
            if (msB[r] < msA[r]) {
                bFaster++;
            }
            System.out.printf(Locale.ROOT, "round %2d: A %.4f ms/q, B %.4f ms/q, B/A %.3f%n", r + 1, msA[r], msB[r], msB[r] / msA[r]);
        }
        double medianA = Latencies.median(msA);
        double medianB = Latencies.median(msB);
        System.out.printf(Locale.ROOT, "median: A %.4f ms/q, B %.4f ms/q, B/A %.3f; B faster in %d of %d rounds%n",
                medianA, medianB, medianB / medianA, bFaster, rounds);
    }


    /** One build: its class loader, its index of the six lists and its queries. */
    private static final class Build {
        private final Path checkout;
        private final ClassLoader loader;
        private final Object index;
        private final List<?> queries;
        private final Method screen;
        private final Method entry;
        private final Method sourceId;
        private final Method matchedName;
        private final Method score;
        private final Method explain;
        private final double threshold;

        private Build(Path checkout, ClassLoader loader, Object index, List<?> queries) throws ReflectiveOperationException {
            this.checkout = checkout;
            this.loader = loader;
            this.index = index;
            this.queries = queries;
            Class<?> queryClass = loader.loadClass("edu.scrutiny.matching.ScreeningQuery");
            this.screen = index.getClass().getMethod("screen", queryClass, int.class, double.class);
            Class<?> candidate = loader.loadClass("edu.scrutiny.matching.Candidate");
            this.entry = candidate.getMethod("entry");
            this.matchedName = candidate.getMethod("matchedName");
            this.score = candidate.getMethod("score");
            this.explain = candidate.getMethod("explain");
            this.sourceId = loader.loadClass("edu.scrutiny.lists.ListEntry").getMethod("sourceId");
            this.threshold = loader.loadClass("edu.scrutiny.matching.Thresholds").getField("PERSON").getDouble(null);
        }

        static Build load(String label, Path checkout, Path listsDir, int perScript) throws Exception {
            Path target = checkout.resolve("benchmarks/target");
            if (!Files.isDirectory(target.resolve("classes")) || !Files.isDirectory(target.resolve("lib"))) {
                throw new IllegalArgumentException(label + ": " + target + " holds no build (run ./mvnw -q -B -DskipTests -pl benchmarks -am package there)");
            }
            List<URL> urls = new ArrayList<>();
            urls.add(target.resolve("classes").toUri().toURL());
            try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            // the platform loader as parent: nothing of either build is shared, each has its own matcher
            ClassLoader loader = new URLClassLoader("speed-ab-" + label, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Class<?> speed = loader.loadClass("edu.scrutiny.benchmarks.SpeedBenchmark");
                Field listsField = speed.getDeclaredField("LISTS");
                listsField.setAccessible(true);
                Object standard = loader.loadClass("edu.scrutiny.lists.Lists").getMethod("standard").invoke(null);
                List<Object> entries = new ArrayList<>();
                Consumer<Object> sink = entries::add;
                for (Object name : (List<?>) listsField.get(null)) {
                    Path path = listsDir.getParent().resolve((String) name);
                    if (!Files.exists(path)) {
                        System.out.println(label + ": " + path + " is missing; skipped");
                        continue;
                    }
                    Object detected = standard.getClass().getMethod("detectOne", Path.class).invoke(standard, path);
                    try {
                        detected.getClass().getMethod("read", Consumer.class).invoke(detected, sink);
                    } catch (InvocationTargetException e) {
                        // the entries read before the fault are kept, as the speed benchmark keeps them
                        System.out.println(label + ": " + name + " read in part: " + e.getCause().getMessage());
                    }
                }
                Object index = loader.loadClass("edu.scrutiny.matching.ScreeningIndex").getMethod("build", Collection.class)
                        .invoke(null, entries);
                Method queries = speed.getDeclaredMethod("queries", List.class, int.class);
                queries.setAccessible(true);
                List<Object> all = new ArrayList<>();
                for (List<?> q : ((Map<?, List<?>>) queries.invoke(null, entries, perScript)).values()) {
                    all.addAll(q);
                }
                return new Build(checkout, loader, index, all);
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }

        /** The CPU time of this thread, in nanoseconds, to screen every query once. */
        long round() throws ReflectiveOperationException {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                long t0 = threads.getCurrentThreadCpuTime();
                for (Object q : queries) {
                    screen.invoke(index, q, 25, threshold);
                }
                return threads.getCurrentThreadCpuTime() - t0;
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }

        /** A hash of every candidate returned, as {@link SpeedCpuTime} prints it. */
        long hash() throws ReflectiveOperationException {
            long hash = 1125899906842597L;
            for (Object q : queries) {
                for (Object c : (List<?>) screen.invoke(index, q, 25, threshold)) {
                    hash = 31 * hash + (sourceId.invoke(entry.invoke(c)) + "|" + matchedName.invoke(c) + "|" + score.invoke(c)
                            + "|" + explain.invoke(c)).hashCode();
                }
            }
            return hash;
        }
    }
}
