package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.Levenshtein;

import java.util.ArrayList;
import java.util.List;

/**
 * Legal forms misspelt ("Aktiengeselschaft", "Coporation", "Incorported", "Gesellshaft"), read as the
 * legal forms they are: a word of eight letters or more that is one letter (two, from twelve letters)
 * away from exactly one word of the legal-form phrases of {@link LegalForms} is taken for that word.
 * Shorter words are left alone: one letter changes "limited" into a name too easily. The vocabulary is
 * {@link LegalForms}' own, read once when the class loads.
 */
final class LegalFormSpelling {
    private static final int SHORTEST = 8;
    private static final List<String> VOCABULARY = LegalForms.phraseWords().stream()
            .filter(w -> w.length() >= SHORTEST).sorted().toList();

    private LegalFormSpelling() {
    }

    /** The words with misspelt legal-form words corrected; a note for each. */
    static List<String> correct(List<String> words, List<String> notes) {
        List<String> out = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String fixed = w.length() >= SHORTEST ? closest(w) : null;
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

    private static String closest(String w) {
        int allowed = w.length() >= 12 ? 2 : 1;
        String found = null;
        for (String v : VOCABULARY) {
            if (v.equals(w)) {
                return null;
            }
            if (Math.abs(v.length() - w.length()) > allowed || v.charAt(0) != w.charAt(0)) {
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
