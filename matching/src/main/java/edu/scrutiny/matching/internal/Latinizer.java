package edu.scrutiny.matching.internal;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes names in any script in Latin letters, with ICU's transliterators. Names already in
 * Latin (the great majority) take a fast path that never touches ICU.
 *
 * <p>Hangul is romanised syllable by syllable (Korean names are written without spaces, and the
 * syllables are what other romanisations split on: 김정은 → "gim jeong eun" ≈ "Kim Jong Un"). Han
 * characters are read as Mandarin pinyin, one syllable each.
 *
 * <p>ICU transliterators are not documented as safe for concurrent use, so each thread has its own.
 */
public final class Latinizer {
    private static final ThreadLocal<Transliterator> ANY = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> HANGUL = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Hangul-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> FOLD = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

    /** Han legal-form phrases, replaced by Latin codes before transliteration so that they are recognised as such. */
    private static final Map<String, String> CJK_LEGAL = Map.ofEntries(
            Map.entry("股份有限公司", " jsc "), Map.entry("有限责任公司", " llc "), Map.entry("有限責任公司", " llc "),
            Map.entry("有限公司", " ltd "), Map.entry("集团", " group "), Map.entry("集團", " group "),
            Map.entry("公司", " company "), Map.entry("株式会社", " kk "), Map.entry("有限会社", " llc "),
            Map.entry("주식회사", " jsc "), Map.entry("유한회사", " llc "));

    private Latinizer() {
    }

    /** Which scripts a name uses, in the terms the comparer cares about. */
    public record Scripts(boolean nonLatin, boolean abjad, boolean han, boolean hangul, boolean kana) {
    }

    public static Scripts scripts(String s) {
        boolean nonLatin = false;
        boolean abjad = false;
        boolean han = false;
        boolean hangul = false;
        boolean kana = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 || !Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case LATIN, COMMON, INHERITED -> {
                }
                case ARABIC, HEBREW, SYRIAC, THAANA -> {
                    nonLatin = true;
                    abjad = true;
                }
                case HAN -> {
                    nonLatin = true;
                    han = true;
                }
                case HANGUL -> {
                    nonLatin = true;
                    hangul = true;
                }
                case HIRAGANA, KATAKANA -> {
                    nonLatin = true;
                    kana = true;
                }
                default -> nonLatin = true;
            }
        }
        return new Scripts(nonLatin, abjad, han, hangul, kana);
    }

    /** The script of the first letter that is not Latin, e.g. {@code HANGUL}; null when all letters are Latin. */
    public static String dominantScript(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                        && script != Character.UnicodeScript.INHERITED) {
                    return script.name();
                }
            }
        }
        return null;
    }

    /** Whether every character is ASCII: the fast path. */
    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Folds Latin letters with diacritics to ASCII ("Erdoğan" → "Erdogan", "ß" → "ss"). */
    public static String foldLatin(String s) {
        return isAscii(s) ? s : FOLD.get().transliterate(s);
    }

    /**
     * The name in Latin letters. Letters ICU cannot transliterate (Khmer, for one) are kept as they
     * are, so that two names in that script still compare with each other.
     */
    public static String toLatin(String s, Scripts scripts) {
        if (!scripts.nonLatin()) {
            return foldLatin(s);
        }
        String t = s;
        if (scripts.han() || scripts.hangul()) {
            for (Map.Entry<String, String> e : CJK_LEGAL.entrySet()) {
                t = t.replace(e.getKey(), e.getValue());
            }
        }
        if (scripts.hangul()) {
            t = hangulBySyllable(t);
        }
        return ANY.get().transliterate(t);
    }

    private static String hangulBySyllable(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 4);
        Transliterator hangul = HANGUL.get();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL) {
                sb.append(' ').append(hangul.transliterate(new String(Character.toChars(cp)))).append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Splits on anything that is not a letter or digit, dropping apostrophes inside words ("Qa'ida" → "Qaida"). */
    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                w.appendCodePoint(Character.toLowerCase(cp));
            } else if (isApostrophe(cp)) {
                // joined: O'Brien, Qa'ida, ʿAli
            } else if (cp == '&') {
                flush(w, out);
                out.add("and");
            } else {
                flush(w, out);
            }
        }
        flush(w, out);
        return out;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '’' || cp == '‘' || cp == '`' || cp == '´' || cp == 'ʿ' || cp == 'ʾ' || cp == 'ʼ' || cp == 'ʻ';
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (!w.isEmpty()) {
            out.add(w.toString());
            w.setLength(0);
        }
    }
}
