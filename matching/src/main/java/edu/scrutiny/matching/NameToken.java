package edu.scrutiny.matching;

/**
 * One token of a normalised name.
 *
 * @param text  folded to lower-case ASCII where the name could be transliterated; the canonical
 *              code for a legal form (e.g. {@code ltd}); otherwise the original script, lower-cased
 * @param kind  what the token is
 * @param abjad    whether it was transliterated from a script that writes no short vowels (Arabic,
 *                 Hebrew, Syriac, Thaana), so that only its consonants can be trusted
 * @param syllabic whether it was transliterated from a syllabic script (Han, Hangul), where a short
 *                 token is a syllable and one letter more or less makes another syllable (Chen, Cheng)
 */
public record NameToken(String text, TokenKind kind, boolean abjad, boolean syllabic) {
    public NameToken(String text, TokenKind kind, boolean abjad) {
        this(text, kind, abjad, false);
    }

    /** Whether the token says something about identity (a word, number or initial). */
    public boolean identifying() {
        return kind == TokenKind.WORD || kind == TokenKind.NUMBER || kind == TokenKind.INITIAL;
    }

    @Override
    public String toString() {
        return kind == TokenKind.WORD ? text : text + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
