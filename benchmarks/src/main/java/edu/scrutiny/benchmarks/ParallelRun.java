package edu.scrutiny.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
        long start = System.nanoTime();
        List<Thread> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            running.add(Thread.ofPlatform().name("batch-" + t).start(worker));
        }
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the batch", e);
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
