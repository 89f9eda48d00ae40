package edu.scrutiny.benchmarks;

import java.util.Arrays;

/**
 * Jaro-Winkler similarity as it is usually written (prefix scale 0.1, prefix of at most four), for
 * the brute-force baseline. The matcher has its own; the baseline keeps to the textbook one so that
 * it stands for what a screening tool without an index does. An instance reuses its flag arrays
 * from call to call (the baseline makes millions of calls per query), so it is for one thread.
 */
final class JaroWinkler {
    private boolean[] matchedA = new boolean[32];
    private boolean[] matchedB = new boolean[32];

    double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la > matchedA.length || lb > matchedB.length) {
            matchedA = new boolean[Math.max(la, lb)];
            matchedB = new boolean[Math.max(la, lb)];
        }
        Arrays.fill(matchedA, 0, la, false);
        Arrays.fill(matchedB, 0, lb, false);
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - halfTranspositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
