package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.internal.Latinizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Further readings of a name, added beside the forms the normaliser makes: the name with its
 * organisation words translated ({@link OrganisationGlossary}), a foreign name written in Han characters
 * by its sound read back ({@link TranscribedNames}), and the name rewritten by the general rules for how
 * one name gets written differently ({@link NumberWords}, {@link WrittenForms}, {@link LegalFormSpelling}). The
 * comparer keeps the best-agreeing pair of forms, so a derived form can only add a reading, never
 * take one away; when it is the one that agreed, the explanation says how the name was read.
 *
 * <p>Everything here runs once per name, when the name is normalised (at index time for listed names),
 * never per compared pair.
 */
final class DerivedForms {
    /** How a derived form's description starts, so that the explanation can show it. */
    static final String PREFIX = "read as ";

    private DerivedForms() {
    }

    /**
     * Adds the derived forms of a name to its forms.
     *
     * @param text    the name, NFKC-normalised, in its own script
     * @param latin   the name in Latin letters, case kept
     * @param scripts the scripts the name uses
     */
    static void add(String text, String latin, Latinizer.Scripts scripts, Schema schema, List<NameForm> forms) {
        boolean person = schema == Schema.PERSON;
        if (!person) {
            for (OrganisationGlossary.Reading r : OrganisationGlossary.read(text, scripts)) {
                forms.add(NameNormalizer.form(r.text(), schema, false, false, PREFIX + r.how()));
            }
        }
        if (scripts.han() && !scripts.hangul() && !scripts.kana()) {
            for (TranscribedNames.Reading r : TranscribedNames.read(text)) {
                forms.add(NameNormalizer.form(r.text(), schema, false, false, PREFIX + r.how()));
            }
        }
        List<String> notes = new ArrayList<>(2);
        String rewritten = WrittenForms.splitRunTogether(latin, notes);
        List<String> words = Latinizer.words(rewritten);
        words = WrittenForms.digitsAsLetters(words, notes);
        words = NumberWords.asDigits(words, !person && schema != null, notes);
        if (!person) {
            words = LegalFormSpelling.correct(words, notes);
        }
        if (!notes.isEmpty()) {
            boolean syllabic = scripts.han() || scripts.hangul();
            forms.add(NameNormalizer.form(String.join(" ", words), schema, scripts.abjad(), syllabic,
                    PREFIX + String.join(", ", notes)));
        }
    }

    /** The comparison, with a line saying how each name was read when a derived form is what agreed. */
    static NameComparison explain(NameComparison c, NameForm query, NameForm listed) {
        boolean q = query != null && query.how().startsWith(PREFIX);
        boolean l = listed != null && listed.how().startsWith(PREFIX);
        if (c == null || !(q || l)) {
            return c;
        }
        List<String> rules = new ArrayList<>(c.rules());
        if (q) {
            rules.add("query " + query.how());
        }
        if (l) {
            rules.add("listed name " + listed.how());
        }
        return new NameComparison(c.score(), c.pairs(), c.unmatched(), rules, c.queryCoverage(), c.listCoverage());
    }
}
