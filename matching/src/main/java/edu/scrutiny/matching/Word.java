package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.PackedMultiMap;
import edu.scrutiny.matching.internal.Phonetics;

/**
 * A word as the similarity rules read it: its text, and the keys they compare it by (spelling-variant
 * key, consonant skeletons), each made the first time a rule asks for it and kept. A listed token is one
 * object in an index and is compared with query after query, and a query's token with every candidate's
 * words: making the keys anew for every pair was a tenth of a query's cost.
 *
 * <p>The keys are set without locking: each is a pure function of the text, so two threads racing to
 * make one make equal strings, and a String is safe to publish so.
 */
class Word {
    private final String text;
    private final int length;
    private String variantKey;
    private String skeleton;
    private String skeletonWithV;
    private String strictSkeleton;
    /** {@link #letters()}, with the bit 31 set once made. */
    private int letters;
    /** {@link #skeletonLetters()}, with the bit 31 set once made. */
    private int skeletonLetters;
    /** {@link #koreanGroup()} plus one (0 for none), with the bit 31 set once made. */
    private int koreanGroup;
    /** {@link #romanisable()}: 0 not made yet, 1 no, 2 yes. */
    private byte romanisable;
    /** {@link #givenNameGroup()} plus one (0 for none), with the bit 31 set once made. */
    private int givenNameGroup;
    /** The weight last asked of this word and by which weights ({@link IndexWeights}), or null. */
    private WeightSeen weight;
    /** {@link #deletionHashes()}, once made. */
    private DeletionHashes deletionHashes;
    /** {@link #letterCounts()}, once made. */
    private LetterCounts letterCounts;

    /**
     * How many times each of {@link TokenSimilarity#slot}'s 27 slots occurs in a word. A record, so that its
     * array, made before the record, is seen whole by a thread that reads the record through the word's field
     * (a final field's guarantee; a bare array published so is not).
     */
    private record LetterCounts(byte[] counts) {
    }

    /** The hashes of a word's deletions, held by a record for the reason {@link LetterCounts} gives. */
    private record DeletionHashes(int[] hashes) {
    }

    /**
     * {@link PackedMultiMap#deletionHashes} of the word, made the first time they are asked and kept (never to be
     * changed by the caller): a query word's expansion looks its deletions up in an index, and monitoring's
     * engagement names keep their words from one list version's change screening to the next.
     */
    final int[] deletionHashes() {
        DeletionHashes d = deletionHashes;
        if (d == null) {
            deletionHashes = d = new DeletionHashes(PackedMultiMap.deletionHashes(text));
        }
        return d.hashes();
    }

    /** The longest word whose letter counts are kept: no slot of it can count past a byte. */
    static final int MOST_COUNTED = Byte.MAX_VALUE;

    /** A weight with the weights that gave it, published as one object so that the two never mismatch. */
    record WeightSeen(TokenWeights by, double weight) {
    }

    Word(String text) {
        this.text = text;
        this.length = text.length();
    }

    /**
     * The word's length, kept beside the fields the first tests read ({@link TokenSimilarity#ruledOut}): asking the
     * text reads its array, another place in memory, for every pair of words those tests rule out.
     */
    final int length() {
        return length;
    }

    /** The word as written in the normalised name. */
    final String word() {
        return text;
    }

    final String variantKey() {
        String k = variantKey;
        if (k == null) {
            variantKey = k = Phonetics.variantKey(text);
        }
        return k;
    }

    final String skeleton() {
        String k = skeleton;
        if (k == null) {
            skeleton = k = Phonetics.skeleton(text);
        }
        return k;
    }

    final String skeletonWithV() {
        String k = skeletonWithV;
        if (k == null) {
            skeletonWithV = k = Phonetics.skeletonWithV(text);
        }
        return k;
    }

    final String strictSkeleton() {
        String k = strictSkeleton;
        if (k == null) {
            strictSkeleton = k = Phonetics.strictSkeleton(text);
        }
        return k;
    }

    /**
     * The letters the word has, as bits 0 to 25 for a to z and bit 26 for anything else (the slots of
     * {@link TokenSimilarity#couldBeAlike}'s count).
     */
    final int letters() {
        int m = letters;
        if (m == 0) {
            m = lettersOf(text);
            letters = m |= 1 << 31;
        }
        return m & ~(1 << 31);
    }

    /** Whether Chinese romanisation's rule can find this word like another ({@link ChineseRomanisation#romanisable}). */
    final boolean romanisable() {
        byte r = romanisable;
        if (r == 0) {
            romanisable = r = ChineseRomanisation.romanisable(text) ? (byte) 2 : (byte) 1;
        }
        return r == 2;
    }

    /**
     * How many times each slot of {@link TokenSimilarity#slot} occurs in the word, made the first time it is
     * asked and kept, or null for a word longer than {@link #MOST_COUNTED}: {@link TokenSimilarity#couldBeAlike}
     * and {@link TokenSimilarity#joinedCouldMatch} compare the counts of two words (or of a run of words and one)
     * for every pair whose lengths and letters allow it, and counting both words into a new array each time was a
     * quarter of what monitoring's change screening allocated (JFR, 2026-12-05).
     */
    final byte[] letterCounts() {
        LetterCounts c = letterCounts;
        if (c == null) {
            if (text.length() > MOST_COUNTED) {
                return null;
            }
            byte[] counts = new byte[27];
            for (int i = 0; i < text.length(); i++) {
                counts[TokenSimilarity.slot(text.charAt(i))]++;
            }
            letterCounts = c = new LetterCounts(counts);
        }
        return c.counts();
    }

    /** The letters of the {@link #skeleton()}, as {@link #letters()} gives a word's. */
    final int skeletonLetters() {
        int m = skeletonLetters;
        if (m == 0) {
            m = lettersOf(skeleton());
            skeletonLetters = m |= 1 << 31;
        }
        return m & ~(1 << 31);
    }

    /**
     * The group of equivalent given names the word belongs to ({@link GivenNames}), or -1: asked of
     * a pair of person's tokens in every comparison that reaches the given-name rule, where two look-ups
     * of a hash map were a twentieth of a query's profile samples; kept on the word, a query took 1.6%
     * less CPU (speed-ab, 2026-12-04).
     */
    final int givenNameGroup() {
        int g = givenNameGroup;
        if (g == 0) {
            g = GivenNames.group(text) + 1;
            givenNameGroup = g |= 1 << 31;
        }
        return (g & ~(1 << 31)) - 1;
    }

    /**
     * The group of romanisations of one Korean syllable the word is ({@link KoreanSyllables}), or -1: asked
     * of short tokens in every comparison that reaches the Korean rule, where two look-ups of a hash map
     * were 6% of the profile of monitoring's change screening.
     */
    final int koreanGroup() {
        int g = koreanGroup;
        if (g == 0) {
            g = KoreanSyllables.group(text) + 1;
            koreanGroup = g |= 1 << 31;
        }
        return (g & ~(1 << 31)) - 1;
    }

    private static int lettersOf(String s) {
        int m = 0;
        for (int i = 0; i < s.length(); i++) {
            m |= 1 << TokenSimilarity.slot(s.charAt(i));
        }
        return m;
    }

    /** The weight {@code by} gave this word when last asked, if it was {@code by}; else null. */
    final WeightSeen weightSeen() {
        return weight;
    }

    final void weightSeen(WeightSeen seen) {
        weight = seen;
    }
}
