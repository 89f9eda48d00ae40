package edu.scrutiny.matching.internal;

import com.ibm.icu.text.Transliterator;

import java.util.HashMap;
import java.util.Map;

/**
 * Scripts that ICU4J 79 transliterates poorly or not at all, written in Latin letters the way names
 * in them are romanised. ICU has no Khmer transliterator (ហ៊ុន សែន stays as it is); its Ethiopic one
 * writes the first-order vowel ä as "a" and the sixth order as "ǝ" ("malas zenāwi" for Meles Zenawi),
 * where names are written with "e" and the sixth order mostly silent.
 *
 * <p>Khmer follows the BGN/PCGN 1972 romanisation of Khmer (as adopted by the UNGEGN): each consonant,
 * independent and dependent vowel by its table (ុ as "o" after a first-series consonant and "u" after a
 * second-series one, the register shifters ៉ ៊ moving a consonant between the series), subscript
 * consonants as consonants, and an inherent "a" between two consonants that have no vowel of their own.
 * Ethiopic uses ICU's transliteration with two corrections from the Ethiopian naming practice
 * (as in the BGN/PCGN Amharic system): first order "e", fourth order "a", the sixth order "i" after a
 * word's first consonant and silent elsewhere. Tables are built once, when the class loads.
 */
public final class SupplementaryScripts {
    private static final Map<Integer, String> KHMER_CONSONANTS = new HashMap<>();
    private static final Map<Integer, String> KHMER_VOWELS = new HashMap<>();
    private static final int COENG = 0x17D2;
    private static final ThreadLocal<Transliterator> ETHIOPIC = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Ethiopic-Latin"));

    static {
        String[] consonants = {"k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d", "th", "d", "th", "n",
                "t", "th", "t", "th", "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v", "s", "s", "s", "h", "l", ""};
        for (int i = 0; i < consonants.length; i++) {
            KHMER_CONSONANTS.put(0x1780 + i, consonants[i]);
        }
        // independent vowels U+17A3..U+17B3
        String[] independent = {"a", "a", "e", "ei", "o", "ou", "ou", "au", "rue", "ru", "lue", "lu", "ae", "ai", "ao", "ao", "au"};
        for (int i = 0; i < independent.length; i++) {
            KHMER_CONSONANTS.put(0x17A3 + i, independent[i]);
        }
        // dependent vowels U+17B6..U+17C8
        String[] dependent = {"a", "e", "ei", "oe", "eu", "u", "ou", "uo", "aeu", "oea", "ie", "e", "e", "ai", "ao", "au",
                "m", "h", ""};
        for (int i = 0; i < dependent.length; i++) {
            KHMER_VOWELS.put(0x17B6 + i, dependent[i]);
        }
    }

    private SupplementaryScripts() {
    }

    /** Whether the text holds letters of a script handled here. */
    public static boolean applies(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x1780 && c <= 0x17FF) || (c >= 0x1200 && c <= 0x139F) || (c >= 0x2D80 && c <= 0x2DDF)) {
                return true;
            }
        }
        return false;
    }

    /** The text with its Khmer and Ethiopic written in Latin letters; other characters as they were. */
    public static String toLatin(String s) {
        return ethiopic(khmer(s));
    }

    /** Consonants of the second series (o-series), whose vowels are read differently: ុ is "u" after them, "o" after the first. */
    private static final String SECOND_SERIES = "គឃងជឈញឌឍណទធនពភមយរលវ";
    private static final int MUUSIKATOAN = 0x17C9;
    private static final int TRIISAP = 0x17CA;
    private static final int KBAL_U = 0x17BB;

    static String khmer(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 2);
        boolean second = false;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            String consonant = cp <= 0x17A2 ? KHMER_CONSONANTS.get(cp) : null;
            if (cp == MUUSIKATOAN || cp == TRIISAP) {
                // the register shifters move a consonant into the other series
                second = cp == TRIISAP;
                continue;
            }
            if (cp == KBAL_U) {
                sb.append(second ? "u" : "o");
                continue;
            }
            if (consonant != null) {
                second = SECOND_SERIES.indexOf(cp) >= 0;
                sb.append(consonant);
                // an inherent vowel when the next letter is a consonant of its own (not subscript, not a vowel)
                int next = nextKhmerLetter(s, i);
                if (next >= 0 && KHMER_CONSONANTS.containsKey(next) && next <= 0x17A2 && !consonant.isEmpty()
                        && !followedByCoeng(s, i)) {
                    int after = nextKhmerLetter(s, i + Character.charCount(next));
                    if (after >= 0 && (KHMER_VOWELS.containsKey(after) || after == COENG || KHMER_CONSONANTS.containsKey(after))) {
                        sb.append('a');
                    }
                }
            } else if (KHMER_CONSONANTS.containsKey(cp)) {
                sb.append(KHMER_CONSONANTS.get(cp));
            } else if (KHMER_VOWELS.containsKey(cp)) {
                sb.append(KHMER_VOWELS.get(cp));
            } else if (cp >= 0x17C9 && cp <= 0x17DD) {
                // register shifters, the coeng and other signs: no sound of their own in the romanisation
                continue;
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static boolean followedByCoeng(String s, int i) {
        return i < s.length() && s.codePointAt(i) == COENG;
    }

    /** The next Khmer letter or vowel sign from i on, skipping register signs; -1 at the end of the word. */
    private static int nextKhmerLetter(String s, int i) {
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp >= 0x17C9 && cp <= 0x17D1 || cp == 0x17D3 || cp == 0x17DD) {
                i += Character.charCount(cp);
                continue;
            }
            return cp >= 0x1780 && cp <= 0x17D2 ? cp : -1;
        }
        return -1;
    }

    static String ethiopic(String s) {
        boolean any = false;
        for (int i = 0; i < s.length() && !any; i++) {
            char c = s.charAt(i);
            any = (c >= 0x1200 && c <= 0x139F) || (c >= 0x2D80 && c <= 0x2DDF);
        }
        if (!any) {
            return s;
        }
        String latin = ETHIOPIC.get().transliterate(s);
        StringBuilder sb = new StringBuilder(latin.length());
        int letterInWord = 0;
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (!Character.isLetter(c) && c != 'ʿ' && c != 'ʾ') {
                letterInWord = 0;
                sb.append(c);
                continue;
            }
            letterInWord++;
            switch (c) {
                case 'a' -> sb.append('e');
                case 'ā' -> sb.append('a');
                case 'ǝ' -> {
                    if (letterInWord == 2) {
                        sb.append('i');
                    }
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
