package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.Latinizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words institutions' names are made of, for normalising organisation names: abbreviations
 * written out, ordinals as numbers, honorific clauses reduced to the honoree, and the qualifiers
 * (a campus, a branch, a parent academy, an acronym in brackets) that can be set aside to leave
 * the institution's own name.
 *
 * <p>Person names are never touched: "Univ" or "Fourth" in a person's name is a name.
 */
final class InstitutionWords {
    /**
     * Abbreviations of the words institutions' names are made of, written out. From the ISO 4 List
     * of Title Word Abbreviations (ISSN International Centre): "univ." university, "inst." institute,
     * "acad." academy, "sci." science, "technol." technology, "natl." national, "int." international,
     * "coll." college, "polytech." polytechnic, "lab." laboratory, "res." research; and "tech.",
     * the common short form of technology that the LTWA writes "technol.".
     */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("univ", "university"), Map.entry("inst", "institute"), Map.entry("acad", "academy"),
            Map.entry("sci", "science"), Map.entry("technol", "technology"), Map.entry("tech", "technology"),
            Map.entry("natl", "national"), Map.entry("intl", "international"), Map.entry("coll", "college"),
            Map.entry("polytech", "polytechnic"), Map.entry("lab", "laboratory"), Map.entry("res", "research"));

    /**
     * Inflections and spellings of one type word, written as one: "Technical University" and
     * "University of Technology" translate one word (工业大学, технический университет); British and
     * American spellings (defence, defense); "Teachers", "Pedagogical" and "Normal" university translate
     * one word (师范, педагогический). From the English dictionary's derived forms of each word. Only in
     * institutions' names: "Huawei Technologies" stays as it is written.
     */
    private static final Map<String, String> TYPE_WORD_FORMS = Map.ofEntries(
            Map.entry("technical", "technology"), Map.entry("technological", "technology"),
            Map.entry("technologies", "technology"), Map.entry("polytechnical", "polytechnic"),
            Map.entry("medicine", "medical"), Map.entry("agriculture", "agricultural"), Map.entry("economics", "economic"),
            Map.entry("sciences", "science"), Map.entry("electronics", "electronic"), Map.entry("defence", "defense"),
            Map.entry("navy", "naval"), Map.entry("aeronautics", "aeronautical"), Map.entry("astronautical", "astronautics"),
            Map.entry("pedagogical", "normal"), Map.entry("pedagogic", "normal"), Map.entry("teachers", "normal"), Map.entry("industry", "industrial"),
            Map.entry("communication", "communications"), Map.entry("telecommunication", "telecommunications"),
            Map.entry("architectural", "architecture"), Map.entry("chemistry", "chemical"));

    /** English ordinals in words, first to twentieth, as their numbers (the ordinals with "-st", "-nd", "-rd", "-th" are read too). */
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth");
    private static final Pattern NUMERIC_ORDINAL = Pattern.compile("([0-9]{1,3})(st|nd|rd|th)");

    /**
     * Words that open an honorific clause: English "named after", "in honour/honor of", Russian
     * "imeni" and its abbreviation "im." (имени), as the English names of Russian and Soviet
     * institutions write them. The honoree's name stays; the words that introduce it, and the
     * honoree's initials, do not identify the institution.
     */
    private static final List<List<String>> HONORIFIC_OPENERS = List.of(List.of("named", "after"),
            List.of("in", "honour", "of"), List.of("in", "honor", "of"), List.of("imeni"), List.of("im"));

    /**
     * Parent bodies written beside their institutes' names: the national academies of sciences
     * that run research institutes of their own (members of the InterAcademy Partnership), with
     * the regional branches of the Russian academy, in English and by their English acronyms.
     */
    private static final Pattern PARENT_BODY = Pattern.compile(
            "(?i)(?:,|\\(|\\b(?:of\\s+)?(?:the\\s+)?)\\s*"
                    + "(?:(?:siberian|ural|far\\s+eastern)\\s+branch\\s+(?:of\\s+)?(?:the\\s+)?)?"
                    + "(?:russian\\s+academy\\s+of\\s+sciences|chinese\\s+academy\\s+of\\s+sciences"
                    + "|national\\s+academy\\s+of\\s+sciences\\s+of\\s+(?:belarus|ukraine|armenia)"
                    + "|academy\\s+of\\s+sciences\\s+of\\s+the\\s+(?:dprk|democratic\\s+people\\s*s\\s+republic\\s+of\\s+korea)"
                    + "|(?:sb|ub|feb)\\s+ras|ras|cas|nasb|nasu)\\s*\\)?\\s*$");
    /**
     * What {@link #mayHoldQualifier} looks for, kept in step with the patterns around it: each of
     * {@link #PARENT_BODY}'s alternatives ends with one of these endings, and {@link #CAMPUS} and
     * {@link #HONORIFIC_CLAUSE} each need one of these words ({@link #TRAILING_PLACE} and
     * {@link #BRACKETED_ACRONYM} a comma or a bracket).
     */
    private static final List<String> PARENT_BODY_ENDINGS = List.of("sciences", "belarus", "ukraine", "armenia", "dprk",
            "korea", "ras", "cas", "nasb", "nasu");
    private static final List<String> QUALIFIER_WORDS = List.of("campus", "branch", "named", "hono", "im");
    /** A campus or branch at the end of a name: ", Kish Campus", " Weihai Branch", "(Shenzhen campus)". */
    private static final Pattern CAMPUS = Pattern.compile(
            "(?iu)(?:(?:,|\\()\\s*(?:[\\p{L}'’-]+\\s+){0,2}|\\s+(?:[\\p{L}'’-]+\\s+)?)(?:campus|branch)\\s*\\)?\\s*$|(?:,|\\(|\\s)\\s*(?:campus|branch)\\s+(?:in\\s+|at\\s+)?[\\p{L}'’-]+\\s*\\)?\\s*$");
    /** A place after a comma or in brackets at the end ("Harbin Institute of Technology, Weihai"): one or two words. */
    private static final Pattern TRAILING_PLACE = Pattern.compile("(?:,\\s*|\\s*\\()\\s*[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+)?\\s*\\)?\\s*$");
    /**
     * An honorific clause at the end ("… State University named after N. I. Lobachevsky", "… im. Korin"):
     * the openers of {@link #HONORIFIC_OPENERS} and the honoree after them.
     */
    private static final Pattern HONORIFIC_CLAUSE = Pattern.compile(
            "(?iu)(?:,\\s*|\\s+)(?:named\\s+after|in\\s+hono(?:u)?r\\s+of|imeni|im\\.?)\\s+[\\p{L}.'’\\s-]+?\\s*$");
    /** An acronym in brackets: "(HEU)", "(BIT)". */
    private static final Pattern BRACKETED_ACRONYM = Pattern.compile("\\s*\\(\\s*\\p{Lu}{2,8}\\s*\\)");

    /** Opens the description of a form that is a name without its qualifiers, and the rule that says it was used. */
    static final String QUALIFIERS_SET_ASIDE = "compared without the qualifiers beside the institution's name";

    private InstitutionWords() {
    }

    /**
     * The words of an organisation's name with abbreviations written out, ordinals as numbers and
     * honorific openers dropped; in an institution's name, each type word in one form.
     */
    static List<String> canonical(List<String> words) {
        boolean institution = false;
        for (String w : words) {
            institution |= InstitutionRules.headWord(ABBREVIATIONS.getOrDefault(w, w));
        }
        List<String> out = new ArrayList<>(words.size() + 2);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int opener = honorificOpener(words, i);
            if (opener > 0 && i > 0) {
                // "… University named after N. E. Bauman": keep the honoree's name, not its initials ("N.E." reads as "ne")
                i += opener;
                while (i + 1 < words.size() && words.get(i).length() <= 2) {
                    i++;
                }
                i--;
                continue;
            }
            int ordinal = ORDINALS.indexOf(w);
            Matcher m = NUMERIC_ORDINAL.matcher(w);
            if (ordinal >= 0) {
                out.add(Integer.toString(ordinal + 1));
            } else if (m.matches()) {
                out.add(m.group(1));
            } else if (w.equals("s") && i + 2 < words.size() && words.get(i + 1).equals("and") && words.get(i + 2).equals("t")) {
                // "S&T" (the "&" is read as "and")
                out.add("science");
                out.add("and");
                out.add("technology");
                i += 2;
            } else {
                String written = ABBREVIATIONS.getOrDefault(w, w);
                out.add(institution ? TYPE_WORD_FORMS.getOrDefault(written, written) : written);
            }
        }
        return out;
    }

    private static int honorificOpener(List<String> words, int i) {
        for (List<String> opener : HONORIFIC_OPENERS) {
            if (i + opener.size() < words.size() && words.subList(i, i + opener.size()).equals(opener)) {
                return opener.size();
            }
        }
        return 0;
    }

    /**
     * The name without the qualifiers written beside an institution's own name, or null when it has
     * none: a campus or branch, a parent academy, an acronym or a place in brackets or after a comma.
     * Only names that remain an institution's name (with a word such as university or institute)
     * lose their qualifiers: "Chinese Academy of Sciences" alone stays what it is.
     */
    static String withoutQualifiers(String latin) {
        return mayHoldQualifier(latin) ? stripQualifiers(latin) : null;
    }

    /** {@link #withoutQualifiers} by the patterns alone, without the check that most names need none. */
    static String stripQualifiers(String latin) {
        String s = BRACKETED_ACRONYM.matcher(latin).replaceAll("");
        String before;
        do {
            before = s;
            s = strip(s, CAMPUS);
            s = strip(s, PARENT_BODY);
            s = strip(s, TRAILING_PLACE);
            s = strip(s, HONORIFIC_CLAUSE);
        } while (!s.equals(before));
        // spaces around the name are no qualifier (compared unstripped, a name with a trailing space came back as its own bare form)
        return s.strip().equals(latin.strip()) ? null : s;
    }

    /**
     * False only when none of the qualifier patterns can match: each needs a bracket or a comma, or one of
     * its words (campus, branch, named, hono(u)r, im(eni)), or a parent body's name at the end. Every
     * organisation's name is normalised, listed and queried alike, and running the four patterns on
     * each was a sixth of building a large index. Names that are not ASCII always go to the patterns,
     * whose case-insensitive matching reads more letters than ASCII's.
     */
    static boolean mayHoldQualifier(String latin) {
        if (!Latinizer.isAscii(latin) || latin.indexOf('(') >= 0 || latin.indexOf(',') >= 0) {
            return true;
        }
        String lower = latin.toLowerCase(Locale.ROOT);
        for (String word : QUALIFIER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        // a parent body ends the name, before spaces and one closing bracket at most
        String end = lower.strip();
        if (end.endsWith(")")) {
            end = end.substring(0, end.length() - 1).strip();
        }
        for (String ending : PARENT_BODY_ENDINGS) {
            if (end.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String s, Pattern qualifier) {
        Matcher m = qualifier.matcher(s);
        if (!m.find()) {
            return s;
        }
        String rest = s.substring(0, m.start()).strip();
        if (qualifier == HONORIFIC_CLAUSE) {
            // the patron goes only when a name of the institution's own stays: "Naval Academy named after X"
            // and "Naval Academy named after Y" are told apart by their patrons alone
            return InstitutionRules.isInstitution(rest) && InstitutionRules.hasOwnName(rest) ? rest : s;
        }
        // a sub-unit after the comma ("…, School of Medicine") is no qualifier: it is what is named
        boolean subUnit = qualifier != PARENT_BODY && InstitutionRules.namesAKind(s.substring(m.start()));
        return !subUnit && InstitutionRules.isInstitution(rest) ? rest : s;
    }

    /** How a form without qualifiers is described: the marker, then what was set aside. */
    static String describe(String latin, String bare) {
        String setAside = latin.startsWith(bare) ? latin.substring(bare.length()).replaceAll("^[\\s,(]+|[\\s)]+$", "")
                : latin.strip();
        return QUALIFIERS_SET_ASIDE + " (" + setAside + ")";
    }

    /** Said of a form in which an honorific clause was reduced to the honoree's name. */
    static final String HONORIFIC_SET_ASIDE = "honorific clause (named after, im.) weighed as the honoree's name only";

    /** Whether the words hold an honorific clause that {@link #canonical} reduces. */
    static boolean hasHonorific(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            if (honorificOpener(words, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The comparison, with a rule for each thing set aside in the two forms it compared best: the
     * qualifiers beside an institution's name, an honorific clause, a state institution's legal form.
     * Cheap: it reads the forms' descriptions and legal forms only.
     */
    static NameComparison explain(NameComparison c, NameForm q, NameForm l) {
        if (c == null || q == null) {
            return c;
        }
        List<String> notes = new ArrayList<>(0);
        note(notes, "query", q);
        note(notes, "list", l);
        if (notes.isEmpty()) {
            return c;
        }
        List<String> rules = new ArrayList<>(c.rules());
        rules.addAll(notes);
        return new NameComparison(c.score(), c.pairs(), c.unmatched(), rules, c.queryCoverage(), c.listCoverage());
    }

    private static void note(List<String> notes, String side, NameForm f) {
        int qualifiers = f.how().indexOf(QUALIFIERS_SET_ASIDE);
        if (qualifiers >= 0) {
            int end = f.how().indexOf(')', qualifiers);
            notes.add(side + " " + f.how().substring(qualifiers, end < 0 ? f.how().length() : end + 1));
        }
        if (f.how().contains(HONORIFIC_SET_ASIDE)) {
            notes.add(side + " " + HONORIFIC_SET_ASIDE);
        }
        for (NameToken t : f.legalForms()) {
            if (t.text().equals(STATE_INSTITUTION)) {
                notes.add(side + " legal form of a state institution set aside (weighs nothing)");
                break;
            }
        }
    }

    /** The legal-form family of Russian state institutions ({@link LegalForms}). */
    static final String STATE_INSTITUTION = "institution";

}
