package edu.scrutiny.benchmarks;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts, per group of queries, how many had some outcome (found, flagged): recall or false-positive rates by kind. */
final class ShareTally {
    private final Map<String, int[]> counts = new TreeMap<>();

    void count(String group, boolean outcome) {
        int[] c = counts.computeIfAbsent(group, g -> new int[2]);
        c[0]++;
        if (outcome) {
            c[1]++;
        }
    }

    Set<String> groups() {
        return counts.keySet();
    }

    int total(String group) {
        return counts.getOrDefault(group, new int[2])[0];
    }

    int hits(String group) {
        return counts.getOrDefault(group, new int[2])[1];
    }

    double share(String group) {
        int total = total(group);
        return total == 0 ? Double.NaN : (double) hits(group) / total;
    }
}
