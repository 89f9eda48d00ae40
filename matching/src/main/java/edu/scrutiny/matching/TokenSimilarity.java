package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.JaroWinkler;
import edu.scrutiny.matching.internal.Levenshtein;

import java.util.List;

/**
 * How alike two tokens are, from 0 to 1, and why. Similarities below {@link #FLOOR} count as
 * nothing: a weak resemblance between two different words is not partial evidence of a match.
 */
final class TokenSimilarity {
    /** Below this, two tokens are simply different. */
    static final double FLOOR = 0.80;

    private TokenSimilarity() {
    }

    /**
     * A similarity and the rule that gave it, with whether the rule is a {@link #misspelling}: worked out
     * once per comparison made, not each time a memo gives it back (a delta's change screening reads about a
     * million remembered comparisons a pass, and asked the rule's text three questions for each that matched).
     */
    record Result(double score, String rule, boolean misspelt) {
        static final Result NONE = new Result(0, "different");

        Result(double score, String rule) {
            this(score, rule, misspelling(rule));
        }
    }

    /**
     * Whether a rule says the tokens are probably the same word misspelt (a typo, letters that differ),
     * as opposed to the same word written another way (a transliteration, a variant, an abbreviation).
     * The comparer counts the former at the square of their similarity: misspellings are where
     * different names hide (Albano/Albanese).
     */
    static boolean misspelling(String rule) {
        // "letters differ", "ending differs", "similar consonants"...
        return rule.contains("typo") || rule.contains("differ") || rule.contains("similar");
    }

    static Result compare(NameToken a, NameToken b, boolean person) {
        String x = a.text();
        String y = b.text();
        if (a.kind() == TokenKind.NUMBER || b.kind() == TokenKind.NUMBER) {
            return a.kind() == b.kind() && x.equals(y) ? new Result(1, "same number") : Result.NONE;
        }
        if (x.equals(y)) {
            return new Result(1, "exact");
        }
        if (a.kind() == TokenKind.INITIAL || b.kind() == TokenKind.INITIAL) {
            return initial(a, b);
        }
        if (a.abjad() || b.abjad()) {
            Result r = consonants(a, b);
            if (r.score() > 0) {
                return r;
            }
        }
        if (person && GivenNames.equivalent(a, b)) {
            return new Result(0.85, "equivalent given names");
        }
        if (x.length() <= 6 && y.length() <= 6 && a.koreanGroup() >= 0 && a.koreanGroup() == b.koreanGroup()) {
            return new Result(0.95, "korean romanisation variant");
        }
        return orRomanisation(a, b, spelling(a, b, !person, a.syllabic() || b.syllabic()));
    }

    /**
     * Whether {@link #compare(NameToken, NameToken, boolean)} gives the two tokens nothing, known from what each keeps
     * beside its text alone (kind, marks, groups, letters, length): two plain words (no number, initial or abjad word,
     * no given names equivalent for a person, no Korean romanisation variants, not both readable as Chinese syllables)
     * of which neither could be the other's start ({@link #spelling}'s abbreviation and ending rules, which need the
     * shorter word's letters within the longer's), and whose lengths and letters rule out every spelling rule after
     * those ({@link #couldBeAlike}'s first tests). False says nothing: the comparison decides. Most pairs of words the
     * comparer meets are so (scoring's memo looked each of them up, a quarter of a delta's change screening, in tables
     * too large to stay in the cache).
     */
    static boolean ruledOut(NameToken a, NameToken b, boolean person) {
        if (a.kind() != TokenKind.WORD || b.kind() != TokenKind.WORD || a.abjad() || b.abjad()) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        int ma = a.letters();
        int mb = b.letters();
        if (la <= lb ? (ma & ~mb) == 0 : (mb & ~ma) == 0) {
            // the shorter word's letters are all in the longer: it may be its start (or the very same word)
            return false;
        }
        if (lengthsAndLettersAllow(la, ma, lb, mb)) {
            return false;
        }
        // the rules that find words alike whatever their letters
        return !(person && GivenNames.equivalent(a, b))
                && !(la <= 6 && lb <= 6 && a.koreanGroup() >= 0 && a.koreanGroup() == b.koreanGroup())
                && !(a.romanisable() && b.romanisable());
    }

    /** The spelling result, or the Chinese romanisation rule where that says more ("hsi"/"xi"). */
    private static Result orRomanisation(Word a, Word b, Result spelling) {
        String x = a.word();
        String y = b.word();
        // a word that cannot be read as syllables is found like none (similarity gives 0): kept on the word, since
        // finding its first syllable made a string per length tried, in most comparisons that got here
        if (spelling.score() >= 0.9 || !ChineseRomanisation.couldAgree(x, y) || !a.romanisable() || !b.romanisable()) {
            return spelling;
        }
        double r = ChineseRomanisation.similarity(x, y);
        if (r < spelling.score() || r == 0 || (r == spelling.score() && !misspelling(spelling.rule()))) {
            return spelling;
        }
        // two pinyin words that only apostrophe-less Wade-Giles writes alike may be two names: weighed as a misspelling
        return new Result(r, r >= ChineseRomanisation.WADE_GILES ? "chinese romanisation (wade-giles/pinyin)"
                : "chinese romanisation, pinyin that differ only in aspiration");
    }

    /**
     * Words as plain spellings, for merged tokens ("van der bilt" / "vanderbilt"): no kind, no given-name
     * or Korean rules; consonants only when {@code abjad}.
     */
    static Result compare(Word a, Word b, boolean abjad) {
        String x = a.word();
        String y = b.word();
        if (x.equals(y)) {
            return new Result(1, "exact");
        }
        if (abjad) {
            Result r = consonants(a, b);
            if (r.score() > 0) {
                return r;
            }
        }
        return orRomanisation(a, b, spelling(a, b, false, false));
    }

    private static Result initial(NameToken a, NameToken b) {
        String x = a.text();
        String y = b.text();
        if (x.isEmpty() || y.isEmpty()) {
            return Result.NONE;
        }
        if (x.codePointAt(0) == y.codePointAt(0)) {
            return new Result(0.8, "initial");
        }
        return Result.NONE;
    }

    private static Result consonants(Word a, Word b) {
        String x = a.word();
        String y = b.word();
        if (endsInLongI(x) != endsInLongI(y)) {
            // a final long i is written in Arabic script (Mohammadi, Ali): it must be there in the Latin too
            return Result.NONE;
        }
        String sx = a.skeleton();
        String sy = b.skeleton();
        if (!sx.equals(sy)) {
            // Hebrew and Persian write v with the letter that is otherwise a long vowel (ו, و): דוד is David
            String vx = a.skeletonWithV();
            String vy = b.skeletonWithV();
            if (vx.length() >= 2 && (vx.equals(sy) || vy.equals(sx))) {
                return new Result(0.9, "same consonants");
            }
        }
        if (sx.length() < 3 || sy.length() < 3) {
            // one or two consonants say little: only the very same consonants, without folding letters
            // ("ly" is Ali, but "jn" must not make Guan of Janan)
            String strictX = a.strictSkeleton();
            return !strictX.isEmpty() && strictX.equals(b.strictSkeleton())
                    ? new Result(0.9, "same consonants") : Result.NONE;
        }
        if (sx.equals(sy)) {
            return new Result(0.95, "same consonants");
        }
        if (!couldReach(sx, a.skeletonLetters(), sy, b.skeletonLetters(), SIMILAR_CONSONANTS_JARO)) {
            return Result.NONE;
        }
        double jw = JaroWinkler.similarity(sx, sy);
        return jw >= SIMILAR_CONSONANTS ? new Result(0.9 * jw, "similar consonants") : Result.NONE;
    }

    /** Skeletons at least this alike by Jaro-Winkler are similar consonants. */
    private static final double SIMILAR_CONSONANTS = 0.88;
    /**
     * The Jaro similarity below which Jaro-Winkler cannot reach {@link #SIMILAR_CONSONANTS}: the
     * Winkler prefix bonus adds at most 0.4 of what Jaro leaves (4 letters × 0.1), so JW ≤ 0.6 × Jaro + 0.4.
     */
    private static final double SIMILAR_CONSONANTS_JARO = (SIMILAR_CONSONANTS - 0.4) / 0.6;

    /**
     * Whether two words (given with their sets of letters, {@link Word#letters()}) could be at least
     * {@code jaro} alike by Jaro's measure: a letter of one that the other lacks matches nothing, so
     * the matches are at most each word's length less its letters the other lacks, and Jaro is at most
     * (m/|x| + m/|y| + 1) / 3 with m matches and no transpositions. A necessary condition, cheaper than
     * the measure, that most pairs of skeletons fail.
     */
    static boolean couldReach(String x, int lettersX, String y, int lettersY, double jaro) {
        int matches = Math.min(x.length() - Integer.bitCount(lettersX & ~lettersY), y.length() - Integer.bitCount(lettersY & ~lettersX));
        if (matches <= 0) {
            return false;
        }
        return ((double) matches / x.length() + (double) matches / y.length() + 1) / 3 >= jaro - 1e-9;
    }

    /**
     * A cheap necessary condition for any spelling rule below: lengths close, and the letters of the
     * two words mostly the same (counted as a multiset over a-z). Spelling variants change a few letters
     * (kh/h, x/ks, ij/y), typos up to three; words failing this are different, and most pairs of
     * tokens the scorer meets are, so this spares them variant keys, edit distance and Jaro-Winkler.
     */
    static boolean couldBeAlike(Word a, Word b, int shorter) {
        String x = a.word();
        String y = b.word();
        if (!lengthsAndLettersAllow(x.length(), a.letters(), y.length(), b.letters())) {
            return false;
        }
        byte[] cx = a.letterCounts();
        byte[] cy = b.letterCounts();
        int allowed = allowedDifferences(shorter);
        if (cx != null && cy != null) {
            return countsDiffer(cx, NO_LETTERS, NO_LETTERS, cy) <= allowed;
        }
        int[] counts = new int[27];
        for (int i = 0; i < x.length(); i++) {
            counts[slot(x.charAt(i))]++;
        }
        return countsWithin(counts, y, allowed);
    }

    /** The letters two words of this length may differ by in {@link #couldBeAlike}'s count. */
    private static int allowedDifferences(int shorter) {
        return shorter <= 5 ? 4 : shorter <= 8 ? 6 : 8;
    }

    /**
     * {@link #couldBeAlike}'s first two tests, which need only the words' lengths and letters
     * ({@link Word#letters()}): lengths too far apart, or too many letters only one of them has.
     */
    static boolean lengthsAndLettersAllow(int lengthA, int lettersA, int lengthB, int lettersB) {
        int allowed = allowedDifferences(Math.min(lengthA, lengthB));
        // each letter one word has and the other lacks is at least one difference in the count:
        // when those alone are too many, the count need not be made (most pairs the scorer meets)
        return Math.abs(lengthA - lengthB) <= allowed / 2 + 1 && Integer.bitCount(lettersA ^ lettersB) <= allowed;
    }

    /**
     * Whether {@link #compare(Word, Word, boolean)} could find the run of {@code len} words of {@code words}
     * from {@code from}, joined, like {@code b} (a score above 0), without the run written out: with
     * {@code abjad}, the consonants' rule might; without, the joined spelling must pass {@link #couldBeAlike}'s
     * tests, which an equal word, one whose ending differs and every spelling rule after it do, or Chinese
     * romanisation's first ones ({@link ChineseRomanisation#couldAgree}, and {@code b} {@link Word#romanisable()}).
     *
     * @param length  the run's length joined
     * @param letters the run's letters ({@link Word#letters()} of its words together)
     */
    static boolean joinedCouldMatch(List<? extends Word> words, int from, int len, int length, int letters, boolean abjad, Word b) {
        if (abjad) {
            return true;
        }
        String y = b.word();
        if (b.romanisable() && ChineseRomanisation.couldAgree(length, words.get(from).word().charAt(0), y.length(), y.charAt(0))) {
            return true;
        }
        if (!lengthsAndLettersAllow(length, letters, y.length(), b.letters())) {
            return false;
        }
        int allowed = allowedDifferences(Math.min(length, y.length()));
        byte[] cy = len == 2 || len == 3 ? b.letterCounts() : null;
        byte[] c0 = cy == null ? null : words.get(from).letterCounts();
        byte[] c1 = cy == null ? null : words.get(from + 1).letterCounts();
        byte[] c2 = len == 3 ? words.get(from + 2).letterCounts() : NO_LETTERS;
        if (cy != null && c0 != null && c1 != null && c2 != null) {
            // the run's counts are its words' counts added (no run is longer than three words)
            return countsDiffer(c0, c1, c2, cy) <= allowed;
        }
        int[] counts = new int[27];
        for (int k = from; k < from + len; k++) {
            String x = words.get(k).word();
            for (int i = 0; i < x.length(); i++) {
                counts[slot(x.charAt(i))]++;
            }
        }
        return countsWithin(counts, y, allowed);
    }

    /** The counts of a word with no letters: the third word of a run of two. */
    private static final byte[] NO_LETTERS = new byte[27];

    /** How far the letter counts of up to three words together ({@link Word#letterCounts}) differ from {@code y}'s, in all. */
    private static int countsDiffer(byte[] x0, byte[] x1, byte[] x2, byte[] y) {
        int difference = 0;
        for (int s = 0; s < 27; s++) {
            difference += Math.abs(x0[s] + x1[s] + x2[s] - y[s]);
        }
        return difference;
    }

    /** Whether the letters counted in {@code counts}, less those of {@code y}, differ by at most {@code allowed} in all. */
    private static boolean countsWithin(int[] counts, String y, int allowed) {
        for (int i = 0; i < y.length(); i++) {
            counts[slot(y.charAt(i))]--;
        }
        int difference = 0;
        for (int c : counts) {
            difference += Math.abs(c);
        }
        return difference <= allowed;
    }

    static int slot(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : 26;
    }

    /** A word ending in a written long i (consonant + y/i/ee, as "Ali", "Mohammadi", "ʿly", "mhmdy"). */
    private static boolean endsInLongI(String w) {
        int n = w.length();
        if (n < 2) {
            return false;
        }
        char last = w.charAt(n - 1);
        char before = w.charAt(n - 2);
        boolean consonantBefore = "aeiouyw".indexOf(before) < 0;
        return (last == 'y' || last == 'i') && consonantBefore || w.endsWith("ee") || w.endsWith("iy");
    }

    private static Result spelling(Word a, Word b, boolean abbreviations, boolean syllabic) {
        String x = a.word();
        String y = b.word();
        int shorter = Math.min(x.length(), y.length());
        // abbreviations in organisation names: "univ" for "university", "natl" is expanded by the normaliser
        if (abbreviations && shorter >= 3 && Math.max(x.length(), y.length()) >= shorter + 3
                && (y.startsWith(x) || x.startsWith(y))) {
            return new Result(0.8, "abbreviation");
        }
        // inflected endings: "Putinas", "Putins" for Putin (Baltic languages), at most two letters added
        if (shorter >= 5 && Math.abs(x.length() - y.length()) <= 2 && x.length() != y.length()
                && (y.startsWith(x) || x.startsWith(y))) {
            return new Result(0.9, "ending differs");
        }
        if (!couldBeAlike(a, b, shorter)) {
            return Result.NONE;
        }
        String kx = a.variantKey();
        String ky = b.variantKey();
        if (kx.equals(ky)) {
            return new Result(0.95, "spelling variant");
        }
        if (shorter <= 3) {
            // short tokens: JW is generous ("ali"/"ala"); only one edit, and only on the variant keys
            return Levenshtein.distance(kx, ky, 1) <= 1 && Math.min(kx.length(), ky.length()) >= 3
                    ? new Result(0.8, "one letter differs") : Result.NONE;
        }
        int maxEdits = shorter <= 5 ? 1 : shorter <= 8 ? 2 : 3;
        int edits = Math.min(Levenshtein.distance(x, y, maxEdits), Levenshtein.distance(kx, ky, maxEdits));
        if (edits > maxEdits) {
            // too many changes whatever Jaro-Winkler says (it is not worked out: most pairs end here)
            return Result.NONE;
        }
        double jw = Math.max(JaroWinkler.similarity(x, y), 0.98 * JaroWinkler.similarity(kx, ky));
        if (jw < FLOOR) {
            return Result.NONE;
        }
        // one slip of the keyboard is likely the same name; two or three changes often another name
        // (Albano/Albanese, Shamsuddin/Shahabuddin), whatever Jaro-Winkler says
        if (edits == 1 && (shorter <= 4 || (shorter == 5 && x.charAt(0) != y.charAt(0)))) {
            // in short words one letter makes another name: Chen/Cheng, Peng/Deng, Zhang/Chang, Ming/Ping
            return new Result(syllabic && shorter <= 4 ? 0.75 : 0.8, "typo");
        }
        return switch (edits) {
            case 1 -> new Result(Math.max(jw, 0.9), "typo");
            case 2 -> new Result(Math.min(jw, 0.85), "two letters differ");
            default -> new Result(Math.min(jw, 0.8), "three letters differ");
        };
    }
}
