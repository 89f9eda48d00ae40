package edu.scrutiny.matching;

import java.util.List;

/**
 * The runs of two or three adjacent words (or initials) of a form's identifying tokens, each with what
 * {@link NameComparer} tests before joining it (its length joined, its letters, whether a word of it is
 * written in an abjad), and the form's longest word, against which the other name's runs are tested.
 * Made once per form ({@link NameForm#joinableRuns()}): the comparer asked for them for every pair of names it
 * compared, and a delta's change screening compares each listed name of a change with thousands of
 * engagement names (working them out was about a twentieth of its CPU time, JFR 2026-12-05).
 *
 * <p>The runs are in the order the comparer has always visited them (by first word, then two words before
 * three): it pairs options in that order where they score the same.
 */
final class JoinableRuns {
    /** The length of the longest word, or -1 where the form has none. */
    final int longestWord;
    final int count;
    final int[] from;
    final int[] length;
    final int[] joinedLength;
    /** {@link Word#letters()} of the run's words together. */
    final int[] letters;
    final boolean[] abjad;

    private JoinableRuns(int longestWord, int count, int[] from, int[] length, int[] joinedLength, int[] letters, boolean[] abjad) {
        this.longestWord = longestWord;
        this.count = count;
        this.from = from;
        this.length = length;
        this.joinedLength = joinedLength;
        this.letters = letters;
        this.abjad = abjad;
    }

    static JoinableRuns of(List<NameToken> tokens) {
        int longest = -1;
        for (NameToken t : tokens) {
            if (t.kind() == TokenKind.WORD) {
                longest = Math.max(longest, t.text().length());
            }
        }
        int most = Math.max(0, 2 * tokens.size() - 3);
        int[] from = new int[most];
        int[] length = new int[most];
        int[] joinedLength = new int[most];
        int[] letters = new int[most];
        boolean[] abjad = new boolean[most];
        int n = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            for (int len = 2; len <= 3 && i + len <= tokens.size(); len++) {
                boolean words = true;
                boolean anyAbjad = false;
                int joined = 0;
                int runLetters = 0;
                for (int k = i; k < i + len; k++) {
                    NameToken t = tokens.get(k);
                    words &= t.kind() == TokenKind.WORD || t.kind() == TokenKind.INITIAL;
                    anyAbjad |= t.abjad();
                    joined += t.text().length();
                    runLetters |= t.letters();
                }
                if (words) {
                    from[n] = i;
                    length[n] = len;
                    joinedLength[n] = joined;
                    letters[n] = runLetters;
                    abjad[n] = anyAbjad;
                    n++;
                }
            }
        }
        return new JoinableRuns(longest, n, from, length, joinedLength, letters, abjad);
    }
}
