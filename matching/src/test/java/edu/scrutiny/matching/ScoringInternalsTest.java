package edu.scrutiny.matching;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-made replacements of library code on the screening path give the library's results exactly. */
class ScoringInternalsTest {

    @Test
    void twoDecimalsWritesWhatTheFormatterWrites() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> rnd.nextDouble() * 1.5;
                case 1 -> (i / 4 % 2000) / 1000.0;                          // halves on the third decimal
                case 2 -> 0.1 + 0.5 * Math.min(1 - rnd.nextDouble(), rnd.nextDouble()); // penalties as computed
                default -> 0.85 * (0.6 * rnd.nextDouble() + 0.4 * rnd.nextDouble());
            };
            assertThat(NameComparer.twoDecimals(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.2f", x));
        }
    }

    @Test
    void theShortlistHeapKeepsWhatPriorityQueueKeepsInItsOrder() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + rnd.nextInt(400);
            int k = 1 + rnd.nextInt(100);
            float[] acc = new float[n];
            for (int i = 0; i < n; i++) {
                acc[i] = rnd.nextInt(round % 2 == 0 ? 10 : 100_000) / 7f; // many ties in one round of two
            }
            PriorityQueue<Integer> queue = new PriorityQueue<>(k, (a, b) -> Float.compare(acc[a], acc[b]));
            ScreeningIndex.TopK heap = new ScreeningIndex.TopK(Math.min(k, n));
            for (int name = 0; name < n; name++) {
                if (queue.size() < k) {
                    queue.add(name);
                } else if (acc[name] > acc[queue.peek()]) {
                    queue.poll();
                    queue.add(name);
                }
                if (heap.size < k) {
                    heap.add(name, acc[name]);
                } else if (acc[name] > heap.keys[0]) {
                    heap.poll();
                    heap.add(name, acc[name]);
                }
            }
            assertThat(Arrays.copyOf(heap.names, heap.size))
                    .containsExactly(queue.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
