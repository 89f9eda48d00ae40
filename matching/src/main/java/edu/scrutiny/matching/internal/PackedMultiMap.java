package edu.scrutiny.matching.internal;

import java.util.Arrays;

/**
 * A compact many-to-many map from string keys to int values, for the index's fuzzy lookups
 * (deletion variants, spelling-variant keys, consonant skeletons). Each pair is one long: the key's
 * 32-bit hash above, the value below, all sorted, so a lookup is a binary search. Hash collisions
 * only add candidates, which the scorer then rejects; they never lose one.
 */
public final class PackedMultiMap {
    private final long[] packed;

    private PackedMultiMap(long[] packed) {
        this.packed = packed;
    }

    /** Collects pairs, then {@link #build()}s the map. Not thread-safe. */
    public static final class Builder {
        private long[] pairs = new long[1024];
        private int size;

        public void put(String key, int value) {
            putHash(key.hashCode(), value);
        }

        /** {@link #put} under every key made by deleting one char of {@code word}, without making those keys. */
        public void putDeletions(String word, int value) {
            int[] hashes = deletionHashes(word);
            for (int h : hashes) {
                putHash(h, value);
            }
        }

        private void putHash(int hash, int value) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = pack(hash, value);
        }

        public void putAll(Builder other) {
            if (size + other.size > pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(pairs.length * 2, size + other.size));
            }
            System.arraycopy(other.pairs, 0, pairs, size, other.size);
            size += other.size;
        }

        public PackedMultiMap build() {
            long[] p = Arrays.copyOf(pairs, size);
            Arrays.parallelSort(p);
            // duplicates (one token reached by two deletions) are dropped
            int w = 0;
            for (int i = 0; i < p.length; i++) {
                if (i == 0 || p[i] != p[i - 1]) {
                    p[w++] = p[i];
                }
            }
            return new PackedMultiMap(Arrays.copyOf(p, w));
        }
    }

    private static long pack(int hash, int value) {
        return ((long) hash << 32) | (value & 0xFFFFFFFFL);
    }

    /**
     * The {@link String#hashCode} of {@code word} with its i-th char deleted, for every i: the keys a
     * deletion map is built and looked up with, hashed without making a string of each (a query looked
     * up as many substrings as its words have letters).
     */
    public static int[] deletionHashes(String word) {
        int n = word.length();
        // prefix[i] = hash of word[0, i); pow[i] = 31^i
        int[] prefix = new int[n + 1];
        int[] pow = new int[n + 1];
        pow[0] = 1;
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = 31 * prefix[i] + word.charAt(i);
            pow[i + 1] = pow[i] * 31;
        }
        int full = prefix[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            // hash(word[i+1, n)) = full - prefix[i+1] * 31^(n-1-i); the prefix before i shifts by one place less
            int suffix = full - prefix[i + 1] * pow[n - 1 - i];
            out[i] = prefix[i] * pow[n - 1 - i] + suffix;
        }
        return out;
    }

    /** Calls the consumer with every value stored under the key (and, rarely, under a key with the same hash). */
    public void forEach(String key, java.util.function.IntConsumer consumer) {
        forEachHash(key.hashCode(), consumer);
    }

    /** {@link #forEach} for a key given by its {@link String#hashCode} alone. */
    public void forEachHash(int hash, java.util.function.IntConsumer consumer) {
        long from = pack(hash, 0);
        int i = Arrays.binarySearch(packed, from);
        if (i < 0) {
            i = -i - 1;
        }
        while (i < packed.length && (int) (packed[i] >>> 32) == hash) {
            consumer.accept((int) packed[i]);
            i++;
        }
    }

    public int size() {
        return packed.length;
    }
}
