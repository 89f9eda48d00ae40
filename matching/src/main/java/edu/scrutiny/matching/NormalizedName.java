package edu.scrutiny.matching;

import java.util.List;

/**
 * A name ready for comparison: the name as given and one or more token forms.
 *
 * @param original     the name as given
 * @param forms        at least one form, in Latin letters; empty tokens when the name held nothing comparable
 * @param nativeForm   for a name in another script, its tokens in that script (lower-cased), else null
 * @param nativeScript that script (e.g. {@code HANGUL}), else null
 */
public record NormalizedName(String original, List<NameForm> forms, NameForm nativeForm, String nativeScript) {
    public NormalizedName {
        forms = List.copyOf(forms);
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("a normalised name has at least one form");
        }
    }

    /** The first (principal) form. */
    public NameForm primary() {
        return forms.get(0);
    }

    /** Whether no form has a token that carries identity. */
    public boolean isEmpty() {
        return forms.stream().allMatch(f -> f.identifying().isEmpty());
    }
}
