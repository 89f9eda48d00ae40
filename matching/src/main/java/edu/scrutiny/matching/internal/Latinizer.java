package edu.scrutiny.matching.internal;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes names in any script in Latin letters, with ICU's transliterators. Names already in
 * Latin (the great majority) take a fast path that never touches ICU.
 *
 * <p>Hangul is romanised with the family name set apart (Korean names are written without spaces:
 * 김정은 → "gim jeongeun" ≈ "Kim Jong Un"). Han characters are read as Mandarin pinyin, one syllable
 * each, and names of four or more Han characters also in their Japanese reading.
 *
 * <p>ICU transliterators are not documented as safe for concurrent use, so each thread has its own.
 */
public final class Latinizer {
    private static final ThreadLocal<Transliterator> ANY = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> HANGUL = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Hangul-Latin; Latin-ASCII"));
    /** Modern Greek as the UN transliterates it (β→v, ου→ou): ICU's default is the classical one (β→b). */
    private static final ThreadLocal<Transliterator> GREEK = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Greek-Latin/UNGEGN"));
    private static final ThreadLocal<Transliterator> FOLD = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Latin-ASCII"));

    /**
     * Han and Hangul legal-form phrases, replaced by Latin codes before transliteration so that they are
     * recognised as such; longest first, since "有限公司" contains "公司". Source: the company forms of
     * the Company Law of the People's Republic of China, Japan's Companies Act and Korea's Commercial Act.
     */
    private static final String[][] CJK_LEGAL = {
            {"股份有限公司", " jsc "}, {"有限责任公司", " llc "}, {"有限責任公司", " llc "}, {"株式会社", " kk "},
            {"有限会社", " llc "}, {"주식회사", " jsc "}, {"유한회사", " llc "}, {"有限公司", " ltd "},
            {"集团", " group "}, {"集團", " group "}, {"公司", " company "}};

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
     * The name in Latin letters. Khmer and Ethiopic go through {@link SupplementaryScripts} first; letters
     * ICU cannot transliterate (Lao, Mongolian) are kept as they are, so that two names in that script
     * still compare with each other.
     */
    public static String toLatin(String s, Scripts scripts) {
        if (!scripts.nonLatin()) {
            return foldLatin(s);
        }
        String t = s;
        if (scripts.han() || scripts.hangul()) {
            for (String[] e : CJK_LEGAL) {
                t = t.replace(e[0], e[1]);
            }
        }
        if (scripts.hangul()) {
            t = hangulBySyllable(t);
        }
        if (SupplementaryScripts.applies(t)) {
            t = SupplementaryScripts.toLatin(t);
        }
        if (scripts.kana()) {
            // kana, possibly with kanji: a Japanese name, read as Japanese
            t = JapaneseReadings.read(t);
        } else if (hasGreek(t)) {
            t = GREEK.get().transliterate(t);
        }
        return ANY.get().transliterate(t);
    }

    /**
     * The Japanese reading of a name written only in Han characters, in Latin letters, or null when the
     * name holds other scripts. A name in Han alone may be Chinese, Japanese or Korean; the comparer
     * tries this reading beside the Mandarin one.
     */
    public static String japaneseReading(String s, Scripts scripts) {
        if (!scripts.han() || scripts.hangul() || scripts.kana() || !japaneseShaped(s)) {
            return null;
        }
        String t = s;
        for (String[] e : CJK_LEGAL) {
            t = t.replace(e[0], e[1]);
        }
        return ANY.get().transliterate(JapaneseReadings.read(t));
    }

    /**
     * Whether a name in Han characters could be a Japanese personal or company name: four or more
     * characters without spaces (山田太郎, 田中花子). Chinese names are mostly two or three characters, and
     * reading them as Japanese only produces false matches with Korean and Japanese names.
     */
    private static boolean japaneseShaped(String s) {
        String t = s.strip();
        if (t.indexOf(' ') >= 0) {
            return false;
        }
        return t.codePointCount(0, t.length()) >= 4;
    }

    private static boolean hasGreek(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.GREEK) {
                return true;
            }
        }
        return false;
    }

    /**
     * Romanises Hangul word by word, separating the family name: a word of three or more syllables is
     * read as family name plus given name (김정은 → "gim jeongeun"), shorter words stay whole (유진 → "yujin").
     * Given names romanised as one word or as syllables ("Jong Un", "Jong-un") still meet, since the
     * comparer joins short words.
     */
    private static String hangulBySyllable(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 4);
        Transliterator hangul = HANGUL.get();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HANGUL) {
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            while (end < s.length() && Character.UnicodeScript.of(s.codePointAt(end)) == Character.UnicodeScript.HANGUL) {
                end += Character.charCount(s.codePointAt(end));
            }
            String word = s.substring(i, end);
            sb.append(' ');
            if (word.codePointCount(0, word.length()) >= 3) {
                int first = word.offsetByCodePoints(0, 1);
                sb.append(syllables(hangul, word.substring(0, first))).append(' ').append(syllables(hangul, word.substring(first)));
            } else {
                sb.append(syllables(hangul, word));
            }
            sb.append(' ');
            i = end;
        }
        return sb.toString();
    }

    /** Syllables romanised one by one and written together, without ICU's separating hyphens. */
    private static String syllables(Transliterator hangul, String word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            sb.append(hangul.transliterate(new String(Character.toChars(cp))));
        }
        return sb.toString();
    }

    /**
     * Splits on anything that is not a letter or digit, dropping apostrophes inside words ("Qa'ida" →
     * "Qaida") and joining dotted abbreviations ("S.A." → "sa", "U.S." → "us", "L.L.C." → "llc").
     */
    public static List<String> words(String s) {
        return joinDotted(s, splitWords(s));
    }

    private static List<String> splitWords(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isApostrophe(cp)) {
                // joined: O'Brien, Qa'ida, ʿAli (the ayn ʿ is a modifier letter, and no letter of the name)
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                w.appendCodePoint(Character.toLowerCase(cp));
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

    /** Rejoins runs like "s", "a" that were written "S.A." (single letters each followed by a dot, no space). */
    private static List<String> joinDotted(String s, List<String> words) {
        if (s.indexOf('.') < 0) {
            return words;
        }
        java.util.regex.Matcher m = DOTTED.matcher(s);
        List<String> dotted = new ArrayList<>();
        while (m.find()) {
            dotted.add(m.group().replace(".", "").toLowerCase(java.util.Locale.ROOT));
        }
        if (dotted.isEmpty()) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        int d = 0;
        while (i < words.size()) {
            if (d < dotted.size() && words.get(i).length() == 1) {
                String run = dotted.get(d);
                int len = run.length();
                if (i + len <= words.size() && String.join("", words.subList(i, i + len)).equals(run)) {
                    out.add(run);
                    i += len;
                    d++;
                    continue;
                }
            }
            out.add(words.get(i));
            i++;
        }
        return out;
    }

    private static final java.util.regex.Pattern DOTTED =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}");

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
