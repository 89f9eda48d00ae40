package edu.scrutiny.matching;

import java.util.Objects;

/**
 * One token of a normalised name.
 *
 * <p>A class rather than a record only so that it can keep the keys the similarity rules compare it
 * by ({@link Word}) and its hash: equality is the record's would be (the four components).
 */
public final class NameToken extends Word {
    private final TokenKind kind;
    private final boolean abjad;
    private final boolean syllabic;
    private final int hash;
    /**
     * The matches the last batch that screened this token as a query word found for it
     * ({@link ScreeningIndex.SeenMatches}), or null. Not part of equality. Written without a lock: the
     * record's fields are final, and two threads that race store equal matches.
     */
    ScreeningIndex.SeenMatches seen;

    /**
     * @param text     folded to lower-case ASCII where the name could be transliterated; the canonical
     *                 code for a legal form (e.g. {@code ltd}); otherwise the original script, lower-cased
     * @param kind     what the token is
     * @param abjad    whether it was transliterated from a script that writes no short vowels (Arabic,
     *                 Hebrew, Syriac, Thaana), so that only its consonants can be trusted
     * @param syllabic whether it was transliterated from a syllabic script (Han, Hangul), where a short
     *                 token is a syllable and one letter more or less makes another syllable (Chen, Cheng)
     */
    public NameToken(String text, TokenKind kind, boolean abjad, boolean syllabic) {
        super(Objects.requireNonNull(text, "text"));
        this.kind = kind;
        this.abjad = abjad;
        this.syllabic = syllabic;
        this.hash = ((text.hashCode() * 31 + Objects.hashCode(kind)) * 31 + Boolean.hashCode(abjad)) * 31 + Boolean.hashCode(syllabic);
    }

    public NameToken(String text, TokenKind kind, boolean abjad) {
        this(text, kind, abjad, false);
    }

    public String text() {
        return word();
    }

    public TokenKind kind() {
        return kind;
    }

    public boolean abjad() {
        return abjad;
    }

    public boolean syllabic() {
        return syllabic;
    }

    /** Whether the token says something about identity (a word, number or initial). */
    public boolean identifying() {
        return kind == TokenKind.WORD || kind == TokenKind.NUMBER || kind == TokenKind.INITIAL;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof NameToken t && hash == t.hash && kind == t.kind && abjad == t.abjad
                && syllabic == t.syllabic && word().equals(t.word());
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return kind == TokenKind.WORD ? word() : word() + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
