package edu.scrutiny.matching.internal;

/**
 * Jaro-Winkler similarity on strings, without allocation beyond two small flag arrays. It runs in
 * the innermost loop of scoring (every token pair of every candidate), which is why it is written
 * here rather than taken from commons-text, whose implementation allocates per call.
 */
public final class JaroWinkler {
    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && b.charAt(j) == c) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(4, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
