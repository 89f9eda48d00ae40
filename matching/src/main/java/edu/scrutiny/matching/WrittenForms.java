package edu.scrutiny.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Two ways one name gets written that no spelling rule sees: words run together with their capitals
 * kept ("FridrichBuchenberg", "MaxMustermann"), and digits written for the letters they look like
 * ("Ig0r", "Sech1n", "B0ris"), as in handles, e-mail addresses and names typed to slip past filters.
 */
final class WrittenForms {
    /**
     * A lower-case letter followed by a capital that starts a word of at least two lower-case letters:
     * "hB" in "FridrichBuchenberg". A run of capitals ("JPMorgan", "IBMStation") is an acronym and is
     * not split, and neither is a two-letter prefix as "Mc" in "McDonald" (the original spelling stays
     * a form of the name anyway, so a split can only add a reading).
     */
    /**
     * The letters digits stand for, by their shape: 0 o, 1 i (or l: the comparer counts i/l as one
     * letter's difference), 3 e, 4 a, 5 s, 6 g, 7 t, 8 b, 9 g (the "leet" conventions).
     */
    private static final char[] LETTER_FOR_DIGIT = {'o', 'i', 'z', 'e', 'a', 's', 'g', 't', 'b', 'g'};

    private WrittenForms() {
    }

    /**
     * The text with words run together set apart, where a lower-case letter follows another and precedes
     * a capital that starts a word of at least two lower-case letters ("hB" in "FridrichBuchenberg"). A run
     * of capitals ("JPMorgan") is an acronym and is not split, nor is a one-letter or two-letter prefix
     * ("McDonald"); the spelling as written stays a form of the name, so a split only adds a reading.
     * A note for each word split.
     */
    static String splitRunTogether(String text, List<String> notes) {
        StringBuilder sb = null;
        int copied = 0;
        for (int i = 2; i + 2 < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i - 1))
                    && Character.isLowerCase(text.charAt(i - 2)) && Character.isLowerCase(text.charAt(i + 1))
                    && Character.isLowerCase(text.charAt(i + 2))) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 4);
                }
                sb.append(text, copied, i).append(' ');
                copied = i;
                notes.add("words run together split (" + word(text, i) + ")");
            }
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, text.length()).toString();
    }

    /** The word around position i, with a space where it is split: "Fridrich Buchenberg". */
    private static String word(String text, int i) {
        int from = i;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        int to = i;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        return text.substring(from, to) + "→" + text.substring(from, i) + " " + text.substring(i, to);
    }

    /**
     * The words with digits read as letters, in words where every digit stands between letters
     * ("sech1n", "i9or"); a word that starts or ends with digits is a code or a model ("mig29",
     * "a320", "3m") and is left alone.
     */
    static List<String> digitsAsLetters(List<String> words, List<String> notes) {
        List<String> out = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String read = lettersFor(w);
            if (read != null) {
                if (out == null) {
                    out = new ArrayList<>(words);
                }
                out.set(i, read);
                notes.add("digits as letters (" + w + "→" + read + ")");
            }
        }
        return out == null ? words : out;
    }

    private static String lettersFor(String w) {
        int n = w.length();
        if (n < 3 || !isLetter(w.charAt(0)) || !isLetter(w.charAt(n - 1))) {
            return null;
        }
        boolean digit = false;
        int letters = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (isLetter(c)) {
                letters++;
            } else {
                return null;
            }
        }
        if (!digit || letters < 2) {
            return null;
        }
        char[] out = w.toCharArray();
        for (int i = 0; i < n; i++) {
            if (out[i] >= '0' && out[i] <= '9') {
                out[i] = LETTER_FOR_DIGIT[out[i] - '0'];
            }
        }
        return new String(out);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
