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
        // a loop, not a stream: every screening asks it of its query, and monitoring's change screening screens thousands
        for (int i = 0; i < forms.size(); i++) {
            if (!forms.get(i).identifying().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
