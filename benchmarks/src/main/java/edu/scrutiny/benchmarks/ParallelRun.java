package edu.scrutiny.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs tasks 0..count-1 on a number of threads, each thread taking the next task as it finishes
 * one, and times each task and the whole: the figures of a batch run on all cores.
 *
 * @param wallNanos from the first task started to the last finished
 * @param taskNanos each task's own time
 */
record ParallelRun(long wallNanos, long[] taskNanos, boolean[] done) {

    /**
     * The worker threads, kept from one run to the next. New threads for every run made each timed batch
     * pay for what a screening thread builds once and keeps (the normaliser's per-thread ICU
     * transliterators and Japanese tokenizer, the index's accumulator), which a server's pool pays once:
     * the speed benchmark's index batches of a few hundred queries were charged for it, the brute-force
     * scan, which builds nothing per thread, was not.
     */
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    static ParallelRun run(int count, int threads, IntConsumer task) {
        return run(count, threads, task, Long.MAX_VALUE, null);
    }

    /**
     * As {@link #run(int, int, IntConsumer)}, but no task is started once {@code deadlineNanos} (a
     * {@link System#nanoTime()} instant) has passed: the tasks running then finish, the others are left
     * undone ({@link #done()} says which). {@code progress}, if not null, is told after each task how
     * many are done; it is called from the worker threads.
     */
    static ParallelRun run(int count, int threads, IntConsumer task, long deadlineNanos, IntConsumer progress) {
        long[] taskNanos = new long[count];
        boolean[] done = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count && System.nanoTime() - deadlineNanos < 0; i = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                task.accept(i);
                taskNanos[i] = System.nanoTime() - t0;
                done[i] = true;
                int f = finished.incrementAndGet();
                if (progress != null) {
                    progress.accept(f);
                }
            }
        };
        ExecutorService pool = POOLS.computeIfAbsent(threads,
                n -> Executors.newFixedThreadPool(n, Thread.ofPlatform().name("batch-", 0).daemon(true).factory()));
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(worker));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a task of the batch failed: " + e.getCause(), e.getCause());
            }
        }
        return new ParallelRun(System.nanoTime() - start, taskNanos, done);
    }

    /**
     * Runs the tasks in whole passes, again and again, until the passes together have lasted at least
     * {@code minWallNanos}: a rate over a window that short that one collector's pause or one idle core
     * waking moves it by half (the speed benchmark's passes of 500 queries last about 0.1 s) is not a
     * throughput. The result holds every pass's tasks, its wall time the passes' sum; {@code first} is
     * the first pass alone.
     */
    static Repeated repeated(int count, int threads, IntConsumer task, long minWallNanos) {
        List<ParallelRun> passes = new ArrayList<>();
        long wall = 0;
        do {
            ParallelRun pass = run(count, threads, task);
            passes.add(pass);
            wall += pass.wallNanos();
        } while (wall < minWallNanos);
        long[] nanos = new long[count * passes.size()];
        boolean[] done = new boolean[nanos.length];
        for (int p = 0; p < passes.size(); p++) {
            System.arraycopy(passes.get(p).taskNanos(), 0, nanos, p * count, count);
            System.arraycopy(passes.get(p).done(), 0, done, p * count, count);
        }
        return new Repeated(new ParallelRun(wall, nanos, done), passes.getFirst(), passes.size());
    }

    /** Passes of the same tasks ({@link #repeated}): all of them as one run, the first alone, how many. */
    record Repeated(ParallelRun all, ParallelRun first, int passes) {
    }

    /** How many tasks ran (all of them, unless a deadline stopped the run). */
    int completed() {
        int n = 0;
        for (boolean d : done) {
            n += d ? 1 : 0;
        }
        return n;
    }

    /** Tasks completed per second of wall time. */
    double perSecond() {
        return completed() / (wallNanos / 1e9);
    }

    /** The completed tasks' latencies. */
    Latencies latencies() {
        long[] nanos = new long[completed()];
        int k = 0;
        for (int i = 0; i < taskNanos.length; i++) {
            if (done[i]) {
                nanos[k++] = taskNanos[i];
            }
        }
        return Latencies.of(nanos);
    }
}
