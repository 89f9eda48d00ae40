package edu.scrutiny.matching;

import java.util.List;

/**
 * One way of reading a name as tokens. A name usually has one; a name in Han characters has two
 * (Mandarin pinyin and, where they are Japanese, their Japanese reading), and the comparer uses
 * whichever agrees best.
 *
 * @param tokens the tokens in their order in the name
 * @param how    how the form was obtained, for explanations: {@code latin}, {@code cyrillic→latin}...
 * @param person whether the name is known to be a person's (abbreviations are then not accepted:
 *               "Lind" is not short for "Lindemann")
 */
public record NameForm(List<NameToken> tokens, String how, boolean person) {
    public NameForm {
        tokens = List.copyOf(tokens);
    }

    /** The tokens that carry identity (no legal forms, no titles). */
    public List<NameToken> identifying() {
        return tokens.stream().filter(NameToken::identifying).toList();
    }

    public List<NameToken> legalForms() {
        return tokens.stream().filter(t -> t.kind() == TokenKind.LEGAL_FORM).toList();
    }

    @Override
    public String toString() {
        return String.join(" ", tokens.stream().map(NameToken::toString).toList());
    }
}
