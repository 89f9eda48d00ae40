package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.Levenshtein;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Legal forms misspelt ("Aktiengeselschaft", "Coporation", "Incorported", "Gesellshaft"), read as the
 * legal forms they are: a word of eight letters or more that is one letter (two, from twelve letters)
 * away from exactly one word of the legal-form phrases of {@link LegalForms} is taken for that word.
 * Shorter words are left alone: one letter changes "limited" into a name too easily. The vocabulary is
 * {@link LegalForms}' own, read once when the class loads.
 */
final class LegalFormSpelling {
    private static final int SHORTEST = 8;
    /**
     * The legal-form words of {@link #SHORTEST} letters or more by first letter: a misspelling is looked
     * for among the words that begin as it does.
     */
    private static final Map<Character, List<String>> VOCABULARY_BY_FIRST = LegalForms.phraseWords().stream()
            .filter(w -> w.length() >= SHORTEST).sorted().collect(Collectors.groupingBy(w -> w.charAt(0)));

    /**
     * Every word of the legal-form phrases, for completing a cut-off one; sorted, so that the words a cut
     * one may complete to (those it begins) are one range, not a walk through all of them for every name.
     */
    private static final NavigableSet<String> VOCABULARY_ALL = new TreeSet<>(LegalForms.phraseWords());

    private LegalFormSpelling() {
    }

    /** The fewest letters a cut-off last word keeps to be read as a legal form: "comp" of "company" is already ambiguous enough. */
    private static final int SHORTEST_CUT = 4;
    /** A cut-off legal form standing alone (not after another legal-form word) keeps more: "corporatio", not "corp". */
    private static final int SHORTEST_CUT_ALONE = 7;

    /** The words with misspelt legal-form words corrected, and a legal form cut off at the end completed; a note for each. */
    static List<String> correct(List<String> words, List<String> notes) {
        return completeCutOff(correctMisspelt(words, notes), notes);
    }

    /**
     * A name cut at a field's length loses the end of its legal form ("… Joint Stock Compan"): the last
     * word is completed when exactly one legal-form word begins with it and, completed, it ends a whole
     * legal-form phrase with the words before it. A word that is a legal-form word itself, or that
     * could complete to two words, is left as it is.
     */
    private static List<String> completeCutOff(List<String> words, List<String> notes) {
        if (words.size() < 2) {
            return words;
        }
        String last = words.get(words.size() - 1);
        if (last.length() < SHORTEST_CUT || VOCABULARY_ALL.contains(last)) {
            return words;
        }
        String found = null;
        for (String v : VOCABULARY_ALL.tailSet(last, false)) {
            if (!v.startsWith(last)) {
                break;
            }
            if (endsAPhrase(words, v, last.length())) {
                if (found != null && !found.equals(v)) {
                    return words;
                }
                found = v;
            }
        }
        if (found == null) {
            return words;
        }
        List<String> out = new ArrayList<>(words);
        out.set(out.size() - 1, found);
        notes.add("legal form cut off (" + last + "→" + found + ")");
        return out;
    }

    /** Whether the words with their last replaced by {@code completed} end in a legal-form phrase that leaves a name before it. */
    private static boolean endsAPhrase(List<String> words, String completed, int cutLength) {
        List<String> tail = new ArrayList<>(words);
        tail.set(tail.size() - 1, completed);
        for (int start = tail.size() - 1; start >= 1; start--) {
            boolean alone = start == tail.size() - 1;
            if (alone && cutLength < SHORTEST_CUT_ALONE) {
                continue;
            }
            if (LegalForms.isPhrase(tail.subList(start, tail.size()))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> correctMisspelt(List<String> words, List<String> notes) {
        List<String> out = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String fixed = w.length() >= SHORTEST ? closest(w) : w.length() >= SHORTEST_IN_PHRASE ? closestInPhrase(words, i) : null;
            if (fixed != null) {
                if (out == null) {
                    out = new ArrayList<>(words);
                }
                out.set(i, fixed);
                notes.add("legal form misspelt (" + w + "→" + fixed + ")");
            }
        }
        return out == null ? words : out;
    }

    /**
     * The fewest letters a word shorter than {@link #SHORTEST} keeps to be read as a misspelt legal-form
     * word, and then only inside a legal-form phrase ({@link #closestInPhrase}): "Comapny", "Limted".
     */
    private static final int SHORTEST_IN_PHRASE = 5;

    /**
     * The legal-form word that the short word at position {@code i} is one slip of (a letter added, dropped
     * or changed, or two swapped), when exactly one such word, put in its place, makes it part of a
     * legal-form phrase of two words or more with its neighbours as they are written ("Closed Joint Stock
     * Comapny", "Co. Limted"), and the phrase leaves a name beside it; otherwise null. Alone, one letter
     * turns too many short words into "company" or "limited"; among the other words of a legal form, the
     * word's place says what it is.
     */
    private static String closestInPhrase(List<String> words, int i) {
        String w = words.get(i);
        boolean besideLegalWord = i > 0 && VOCABULARY_ALL.contains(words.get(i - 1))
                || i + 1 < words.size() && VOCABULARY_ALL.contains(words.get(i + 1));
        if (!besideLegalWord || VOCABULARY_ALL.contains(w)) {
            return null;
        }
        boolean last = i == words.size() - 1;
        String found = null;
        for (String v : VOCABULARY_ALL) {
            if (v.length() < SHORTEST_IN_PHRASE || Math.abs(v.length() - w.length()) > 1 || Levenshtein.distance(v, w, 1) > 1) {
                continue;
            }
            if (last && v.startsWith(w)) {
                // the last word with its end missing was cut off, which completeCutOff reads and says
                return null;
            }
            if (inPhrase(words, i, v)) {
                if (found != null) {
                    return null;
                }
                found = v;
            }
        }
        return found;
    }

    /** Whether the words with the one at {@code i} replaced hold a legal-form phrase of two words or more through {@code i}, a name left beside it. */
    private static boolean inPhrase(List<String> words, int i, String replacement) {
        List<String> fixed = new ArrayList<>(words);
        fixed.set(i, replacement);
        for (int start = Math.max(0, i - LegalForms.longestPhrase() + 1); start <= i; start++) {
            for (int end = Math.max(i + 1, start + 2); end <= Math.min(fixed.size(), start + LegalForms.longestPhrase()); end++) {
                boolean leavesAName = start > 0 || end < fixed.size();
                if (leavesAName && LegalForms.isPhrase(fixed.subList(start, end))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The one legal-form word a word of {@link #SHORTEST} letters or more is a slip of, or null (none, two, or the word is one). */
    private static String closest(String w) {
        if (VOCABULARY_ALL.contains(w)) {
            return null;
        }
        int allowed = w.length() >= 12 ? 2 : 1;
        String found = null;
        for (String v : VOCABULARY_BY_FIRST.getOrDefault(w.charAt(0), List.of())) {
            if (Math.abs(v.length() - w.length()) > allowed) {
                continue;
            }
            if (Levenshtein.distance(v, w, allowed) <= allowed) {
                if (found != null) {
                    return null;
                }
                found = v;
            }
        }
        return found;
    }
}
