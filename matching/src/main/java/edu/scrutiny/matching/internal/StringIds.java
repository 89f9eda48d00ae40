package edu.scrutiny.matching.internal;

import java.util.Arrays;

/**
 * Strings numbered 0, 1, 2... in the order they were added, found by an open-addressing table: the
 * index's vocabulary. A hash map would hold an entry and a boxed number per word, hundreds of
 * thousands of small objects an index rebuilt after every list import makes anew; the collector
 * copies those while they are young, in whatever runs after the import (monitoring's delta). This
 * holds two arrays, whatever its size. Not thread-safe while strings are added; safe to read from any
 * thread once built and published.
 */
public final class StringIds {
    /** Each slot holds an id plus one, 0 where free. */
    private int[] table;
    private String[] texts;
    private int size;

    public StringIds(int expected) {
        table = new int[tableSize(Math.max(16, expected))];
        texts = new String[Math.max(16, expected)];
    }

    /** The id of a string, or -1 when it was not added. */
    public int get(String s) {
        int mask = table.length - 1;
        for (int h = spread(s.hashCode()) & mask; ; h = (h + 1) & mask) {
            int slot = table[h];
            if (slot == 0) {
                return -1;
            }
            if (texts[slot - 1].equals(s)) {
                return slot - 1;
            }
        }
    }

    /**
     * Adds a string that is not held yet ({@link #get} gave -1) and returns its id, the number of strings
     * held before it. The object given is the one kept: a caller may pass an equal string it already holds.
     */
    public int add(String s) {
        if ((size + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, texts.length * 2);
        }
        int mask = table.length - 1;
        int h = spread(s.hashCode()) & mask;
        while (table[h] != 0) {
            h = (h + 1) & mask;
        }
        texts[size] = s;
        table[h] = ++size;
        return size - 1;
    }

    /** The string with this id. */
    public String text(int id) {
        return texts[id];
    }

    public int size() {
        return size;
    }

    /** Trims the arrays to what the strings held need, once no more are added. */
    public StringIds trimmed() {
        texts = Arrays.copyOf(texts, size);
        if (tableSize(size) < table.length) {
            rehash(tableSize(size));
        }
        return this;
    }

    private void rehash(int length) {
        table = new int[length];
        int mask = length - 1;
        for (int id = 0; id < size; id++) {
            int h = spread(texts[id].hashCode()) & mask;
            while (table[h] != 0) {
                h = (h + 1) & mask;
            }
            table[h] = id + 1;
        }
    }

    /** A power of two at least twice the strings (half full at most, so probes stay short). */
    private static int tableSize(int strings) {
        return Integer.highestOneBit(Math.max(8, strings) * 2 - 1) << 1;
    }

    /** String hashes of similar words differ in their low bits little; mixed so that the table's slots spread. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
