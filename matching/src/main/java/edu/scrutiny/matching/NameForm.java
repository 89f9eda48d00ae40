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
     * {@link #joined()}, made when first asked (a query asks for it; a listed name never does). Written
     * without a lock: the list is immutable, and two threads that race make equal lists.
     */
    private List<NameToken> joined;
    /** {@link #joinableRuns()}, made when first asked; written without a lock, as {@link #joined}. */
    private JoinableRuns joinableRuns;

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

    /**
     * Each pair of adjacent identifying tokens joined into one word ("al qaida" → "alqaida"), in order:
     * the terms a query also looks listed names up by. Made once per form: a delta re-screening screens the
     * same engagement names against every list version's change, and wrote these anew for each.
     */
    List<NameToken> joined() {
        List<NameToken> j = joined;
        if (j == null) {
            List<NameToken> made = new java.util.ArrayList<>(Math.max(0, identifying.size() - 1));
            for (int i = 0; i + 1 < identifying.size(); i++) {
                NameToken a = identifying.get(i);
                NameToken b = identifying.get(i + 1);
                made.add(new NameToken(a.text() + b.text(), TokenKind.WORD, a.abjad() || b.abjad()));
            }
            joined = j = List.copyOf(made);
        }
        return j;
    }

    /** The runs of its identifying words the comparer may join, and its longest word ({@link JoinableRuns}). */
    JoinableRuns joinableRuns() {
        JoinableRuns r = joinableRuns;
        if (r == null) {
            joinableRuns = r = JoinableRuns.of(identifying);
        }
        return r;
    }

    /**
     * This form with each token replaced by the equal one {@code canonical} gives, and with {@code joinedToo}
     * its joined pairs made and replaced so too: names normalised one by one hold equal tokens as separate
     * objects, and what is remembered per token is then found by identity (an index's names;
     * {@link ScreeningIndex.PreparedName#sharingTokens}).
     */
    NameForm sharing(java.util.function.UnaryOperator<NameToken> canonical, boolean joinedToo) {
        List<NameToken> shared = new java.util.ArrayList<>(tokens.size());
        for (NameToken t : tokens) {
            shared.add(canonical.apply(t));
        }
        NameForm f = new NameForm(shared, how, person);
        if (joinedToo) {
            List<NameToken> joinedShared = new java.util.ArrayList<>();
            for (NameToken t : joined()) {
                joinedShared.add(canonical.apply(t));
            }
            f.joined = List.copyOf(joinedShared);
        }
        return f;
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
