package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The baseline the index is measured against: a query compared with every listed name (primary
 * names and aliases) by token-wise Jaro-Winkler, as a screening tool without an index does. Names
 * are lower-cased and split on anything but letters; a name scores the average, over the query's
 * words, of each word's best Jaro-Winkler similarity with the name's words. Listed names are split
 * once, up front, so that a query pays only for comparing.
 */
final class BruteForceMatcher {
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private final String[][] nameWords;
    private final int[] nameEntry;

    /**
     * The best score any name reached, and the best that a name of the expected entry reached.
     *
     * @param bestEntry the entry of the best-scoring name (the first of them on a tie)
     */
    record Result(int bestEntry, double bestScore, double truthScore) {
        /** Whether the expected entry scored at least the threshold and no other scored more. */
        boolean found(double threshold) {
            return truthScore >= threshold && truthScore >= bestScore;
        }

        /** Whether the expected entry scored something and no other scored more. */
        boolean rankedFirst() {
            return truthScore > 0 && truthScore >= bestScore;
        }
    }

    BruteForceMatcher(List<ListEntry> entries) {
        List<String[]> words = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (String name : entries.get(e).allNames()) {
                words.add(words(name));
                owners.add(e);
            }
        }
        this.nameWords = words.toArray(String[][]::new);
        this.nameEntry = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    int names() {
        return nameWords.length;
    }

    /** Compares the query with every name; {@code truth} is the entry expected, or -1. */
    Result screen(String query, int truth) {
        String[] q = words(query);
        JaroWinkler jw = new JaroWinkler();
        double best = 0;
        int bestEntry = -1;
        double truthScore = 0;
        for (int i = 0; i < nameWords.length; i++) {
            double s = score(jw, q, nameWords[i]);
            if (s > best) {
                best = s;
                bestEntry = nameEntry[i];
            }
            if (nameEntry[i] == truth && s > truthScore) {
                truthScore = s;
            }
        }
        return new Result(bestEntry, best, truthScore);
    }

    private static double score(JaroWinkler jw, String[] query, String[] name) {
        if (query.length == 0 || name.length == 0) {
            return 0;
        }
        double sum = 0;
        for (String q : query) {
            double best = 0;
            for (String n : name) {
                best = Math.max(best, jw.similarity(q, n));
            }
            sum += best;
        }
        return sum / query.length;
    }

    static String[] words(String name) {
        return NON_LETTERS.splitAsStream(name.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
