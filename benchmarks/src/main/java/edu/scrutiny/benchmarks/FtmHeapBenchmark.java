package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Lists;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads a large FollowTheMoney file through the lists library and reports the heap it needed:
 * the live heap measured after a full collection every 100,000 entities (what the reader retains)
 * and the largest heap in use seen by a sampler (retained plus garbage). Run it with a small
 * {@code -Xmx} to show that memory is bounded by the entry, not the file.
 *
 * <pre>FtmHeapBenchmark FILE</pre>
 */
public final class FtmHeapBenchmark {
    private FtmHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FtmHeapBenchmark FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long[] maxLiveAfterGc = {0};
        long[] count = {0};
        Consumer<ListEntry> sink = e -> {
            if (++count[0] % 100_000 == 0) {
                System.gc();
                maxLiveAfterGc[0] = Math.max(maxLiveAfterGc[0], memory.getHeapMemoryUsage().getUsed());
            }
        };
        long start = System.nanoTime();
        DetectedList list = Lists.standard().detectOne(file);
        list.read(sink);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "file                %s (%s, %,d bytes)%n", file, list.format().key(), Files.size(file));
        System.out.printf(Locale.ROOT, "entities read       %,d in %.1f s (%,.0f per second)%n", count[0], seconds, count[0] / seconds);
        System.out.printf(Locale.ROOT, "heap before read    %,.1f MB (after GC)%n", baseline / 1e6);
        System.out.printf(Locale.ROOT, "live heap (max of after-GC samples every 100,000 entities)  %,.1f MB%n", maxLiveAfterGc[0] / 1e6);
        System.out.printf(Locale.ROOT, "peak heap in use (sampled every 20 ms, garbage included)     %,.1f MB%n", peakUsed.get() / 1e6);
        System.out.printf(Locale.ROOT, "max heap (-Xmx)     %,.1f MB%n", maxHeap / 1e6);
    }
}
