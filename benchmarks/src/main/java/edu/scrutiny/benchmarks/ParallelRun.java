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
record ParallelRun(long wallNanos, long[] taskNanos) {

    /**
     * The worker threads, kept from one run to the next. New threads for every run made each timed batch
     * pay for what a screening thread builds once and keeps (the normaliser's per-thread ICU
     * transliterators and Japanese tokenizer, the index's accumulator), which a server's pool pays once:
     * the speed benchmark's index batches of a few hundred queries were charged for it, the brute-force
     * scan, which builds nothing per thread, was not.
     */
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

    static ParallelRun run(int count, int threads, IntConsumer task) {
        long[] taskNanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                task.accept(i);
                taskNanos[i] = System.nanoTime() - t0;
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
        return new ParallelRun(System.nanoTime() - start, taskNanos);
    }

    double perSecond() {
        return taskNanos.length / (wallNanos / 1e9);
    }

    Latencies latencies() {
        return Latencies.of(taskNanos);
    }
}
