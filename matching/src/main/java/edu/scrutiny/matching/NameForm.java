package edu.scrutiny.matching;

import java.util.List;
import java.util.Objects;

/**
 * One way of reading a name as tokens. A name usually has one; a name in Han characters has two
 * (Mandarin pinyin and, where they are Japanese, their Japanese reading), and the comparer uses
 * whichever agrees best.
 *
 * <p>A class rather than a record only so that it can hold its identifying tokens and legal forms,
 * filtered once: the comparer asks for them for every candidate of every query, and filtering them
 * anew each time was a measurable share of a query's cost. Equality is the record's would be (the
 * three components).
 */
public final class NameForm {
    private final List<NameToken> tokens;
    private final String how;
    private final boolean person;
    private final List<NameToken> identifying;
    private final List<NameToken> legalForms;

    /**
     * @param tokens the tokens in their order in the name
     * @param how    how the form was obtained, for explanations: {@code latin}, {@code cyrillic→latin}...
     * @param person whether the name is known to be a person's (abbreviations are then not accepted:
     *               "Lind" is not short for "Lindemann")
     */
    public NameForm(List<NameToken> tokens, String how, boolean person) {
        this.tokens = List.copyOf(tokens);
        this.how = how;
        this.person = person;
        List<NameToken> id = this.tokens.stream().filter(NameToken::identifying).toList();
        // most forms are identifying tokens only: share the list rather than hold a copy
        this.identifying = id.size() == this.tokens.size() ? this.tokens : id;
        List<NameToken> legal = this.tokens.stream().filter(t -> t.kind() == TokenKind.LEGAL_FORM).toList();
        this.legalForms = legal.isEmpty() ? List.of() : legal;
    }

    /** The tokens in their order in the name. */
    public List<NameToken> tokens() {
        return tokens;
    }

    /** How the form was obtained, for explanations. */
    public String how() {
        return how;
    }

    /** Whether the name is known to be a person's. */
    public boolean person() {
        return person;
    }

    /** The tokens that carry identity (no legal forms, no titles). */
    public List<NameToken> identifying() {
        return identifying;
    }

    public List<NameToken> legalForms() {
        return legalForms;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameForm f && person == f.person && tokens.equals(f.tokens) && Objects.equals(how, f.how);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens, how, person);
    }

    @Override
    public String toString() {
        return String.join(" ", tokens.stream().map(NameToken::toString).toList());
    }
}
