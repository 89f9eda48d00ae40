package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.internal.Latinizer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules for comparing the names of institutions (universities, institutes, academies, colleges,
 * laboratories), which differ from other organisations' in how they are told apart: the cities of
 * a country have a university, a Normal university, a Medical university, a university of
 * Technology, and only the type word tells them apart; and the institution's own name (a place,
 * a founder) is what identifies it, not the words "university of science and technology" around it.
 *
 * <ul>
 *   <li>type words must agree: an extra or a different type word (Normal, Medical, of Technology,
 *       Polytechnic, Naval...) is evidence of another institution;</li>
 *   <li>the institution's own name must match: an institution name with no word of its own ("University
 *       of Science and Technology") does not match one that has one ("... of China"), and own names
 *       that match only approximately ("Tallinn" and "Dalian") pull the score down.</li>
 * </ul>
 * Both rules apply only when both names are institutions' (each has a word such as university or
 * institute), and each is named in the comparison's explanation.
 */
final class InstitutionRules {
    /** Score taken off when the type words of two institutions' names differ. */
    static final double TYPE_DIFFERS = 0.15;
    /** The score of an institution's name with no own name, against one with an own name it lacks. */
    static final double NO_OWN_NAME_CAP = 0.6;

    /**
     * What an institution is, as a word: the institution types of UNESCO's International Standard
     * Classification of Education (university, college, institute, academy, school) and research
     * units (laboratory, observatory), with their translations in the languages of the lists'
     * transliterated names (Wiktionary's translation tables). The value is the family: a university
     * is not an institute, but "institute", "college" and "academy" translate one word (学院, институт)
     * and compare as one.
     */
    private static final Map<String, String> HEAD_WORDS = new HashMap<>();
    /**
     * Words that say what kind of institution it is, by family. From the classification of higher
     * education institutions by discipline that China's Ministry of Education uses in its statistics
     * (comprehensive, science and engineering, normal, agriculture, forestry, medicine, finance and
     * economics, political science and law, languages, arts, sports, nationalities, military), the
     * broad fields of UNESCO's ISCED-F 2013 (information and communication technologies, engineering,
     * architecture and construction, transport services, security services) and the armed services;
     * plus the status words (National, State, International) that tell apart institutions of one
     * city and one field (National Sun Yat-sen University and Sun Yat-sen University).
     */
    private static final Map<String, String> TYPE_WORDS = new HashMap<>();
    /** Connecting words of English and Romance names, which are no institution's own name. */
    private static final Set<String> CONNECTORS = Set.of("of", "and", "the", "for", "at", "in", "de", "del", "la",
            "le", "des", "du", "da", "di", "do", "e", "y", "et", "und", "fur");

    static {
        head("university", "university", "universitet", "universiteit", "universitat", "universite", "universidad",
                "universidade", "universita", "uniwersytet", "univerzita", "universiti", "daxue");
        head("institute", "institute", "institut", "instituto", "istituto", "college", "colegio", "collegium",
                "academy", "akademiya", "akademia", "akademie", "academie", "academia", "school", "ecole", "escuela",
                "xueyuan");
        head("laboratory", "laboratory", "laboratories", "laboratoire", "laboratorio", "laboratoriya", "observatory");
        type("normal", "normal", "teachers", "pedagogical", "pedagogic", "shifan");
        type("medical", "medical", "medicine", "health", "nursing", "yike");
        type("pharmaceutical", "pharmaceutical", "pharmacy");
        type("agricultural", "agricultural", "agriculture", "agrarian", "agronomy", "nongye");
        type("forestry", "forestry", "linye");
        type("industrial", "industrial", "industry", "gongye");
        type("economic", "economic", "economics", "finance", "financial", "commerce", "commercial", "business",
                "trade", "caijing");
        type("technology", "technology", "technological", "technical", "technologies");
        type("polytechnic", "polytechnic", "polytechnical", "politecnico", "polytechnique");
        type("science", "science", "sciences", "scientific");
        type("engineering", "engineering");
        type("military", "military", "defense", "defence", "armed");
        type("army", "army");
        type("naval", "naval", "navy");
        type("air", "air");
        type("police", "police", "security");
        type("aerospace", "aeronautical", "aeronautics", "aviation", "astronautics", "astronautical", "aerospace",
                "space", "hangkong", "hangtian");
        type("information", "information", "informatics", "computer", "computing");
        type("communications", "communications", "communication", "telecommunications", "telecommunication", "posts");
        type("electronic", "electronic", "electronics", "electrical", "electric");
        type("architecture", "architecture", "architectural", "construction", "civil");
        type("chemical", "chemical", "chemistry");
        type("mining", "mining", "mines", "petroleum", "geosciences", "geology");
        type("maritime", "maritime", "ocean", "oceanography", "fisheries");
        type("transport", "transport", "transportation", "railway", "railways");
        type("logistics", "logistics");
        type("arts", "arts", "art", "music", "conservatory", "drama", "film", "fine");
        type("languages", "languages", "foreign", "linguistic");
        type("law", "law", "political", "politics");
        type("sports", "sports", "sport", "physical");
        type("nationalities", "nationalities", "minzu");
        type("national", "national");
        type("state", "state");
        type("international", "international");
    }

    private static void head(String family, String... words) {
        for (String w : words) {
            HEAD_WORDS.put(w, family);
        }
    }

    private static void type(String family, String... words) {
        for (String w : words) {
            TYPE_WORDS.put(w, family);
        }
    }

    private InstitutionRules() {
    }

    /** Whether a name written in Latin letters is an institution's (has a word such as university or institute). */
    static boolean isInstitution(String latin) {
        for (String w : Latinizer.words(latin)) {
            if (HEAD_WORDS.containsKey(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a folded word names what an institution is (university, institute, laboratory...). */
    static boolean headWord(String word) {
        return HEAD_WORDS.containsKey(word);
    }

    /** Whether a text has a word that names a kind of institution or a type of one (so names a unit, not a place). */
    static boolean namesAKind(String latin) {
        for (String w : Latinizer.words(latin)) {
            if ((HEAD_WORDS.containsKey(w) || TYPE_WORDS.containsKey(w)) && !w.equals("campus") && !w.equals("branch")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an institution's name written in Latin letters has a word of its own (a place, a founder),
     * besides head, type and connecting words and legal forms.
     */
    static boolean hasOwnName(String latin) {
        for (NameToken t : NameNormalizer.form(latin, Schema.ORGANIZATION, false, false, "").identifying()) {
            if (ownNameWord(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether normalised tokens are an institution's name. */
    static boolean isInstitution(List<NameToken> tokens) {
        for (NameToken t : tokens) {
            if (t.kind() == TokenKind.WORD && HEAD_WORDS.containsKey(t.text())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any form of a normalised name is an institution's. */
    static boolean isInstitution(NormalizedName name) {
        for (NameForm f : name.forms()) {
            if (isInstitution(f.identifying())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word is one of the words of a place or founder that identify an institution, rather than a type or connecting word. */
    static boolean ownNameWord(NameToken t) {
        return t.kind() != TokenKind.WORD
                || !(HEAD_WORDS.containsKey(t.text()) || TYPE_WORDS.containsKey(t.text()) || CONNECTORS.contains(t.text()));
    }

    /**
     * Applies the rules to a compared pair of names, given which tokens were paired and how well
     * ({@code simQ}, {@code simL}: each token's contribution, 0 when unpaired).
     *
     * @return the score after the rules; each rule that applied is added to {@code rules}
     */
    static double apply(List<NameToken> q, List<NameToken> l, boolean[] usedQ, boolean[] usedL, double[] simQ,
                        double[] simL, TokenWeights weights, double score, List<String> rules) {
        boolean institutionQ = isInstitution(q);
        boolean institutionL = isInstitution(l);
        if (institutionQ != institutionL) {
            // "Bangladesh University" is not "Bangladesh", nor "Qingshan Holdings" "Qingshan University"
            List<NameToken> institution = institutionQ ? q : l;
            boolean[] used = institutionQ ? usedQ : usedL;
            String head = unpairedHead(institution, used);
            if (head != null) {
                score -= TYPE_DIFFERS;
                rules.add(String.format(Locale.ROOT, "an institution (%s) against a name that is no institution's: -%.2f",
                        head, TYPE_DIFFERS));
            }
            return score;
        }
        if (!institutionQ) {
            return score;
        }
        Set<String> extraQ = extraTypes(q, usedQ, l);
        Set<String> extraL = extraTypes(l, usedL, q);
        if (!extraQ.isEmpty() || !extraL.isEmpty()) {
            score -= TYPE_DIFFERS;
            rules.add(String.format(Locale.ROOT, "institution types differ (query %s, list %s): -%.2f",
                    extraQ.isEmpty() ? "none" : String.join("+", extraQ),
                    extraL.isEmpty() ? "none" : String.join("+", extraL), TYPE_DIFFERS));
        }
        double ownQ = ownNameCoverage(q, simQ, weights);
        double ownL = ownNameCoverage(l, simL, weights);
        if (Double.isNaN(ownQ) != Double.isNaN(ownL)) {
            // one side is only "university of science and technology"; the other has a name of its own
            boolean listHasOwn = Double.isNaN(ownQ);
            if (score > NO_OWN_NAME_CAP && (listHasOwn ? ownL : ownQ) < 1) {
                score = NO_OWN_NAME_CAP;
                rules.add(String.format(Locale.ROOT, "institution's own name only in the %s name: capped at %.2f",
                        listHasOwn ? "listed" : "query", NO_OWN_NAME_CAP));
            }
        } else if (!Double.isNaN(ownQ)) {
            double own = Math.min(ownQ, ownL);
            double blended = (score + own) / 2;
            if (own < 1 && blended < score) {
                rules.add(String.format(Locale.ROOT, "institution's own name matched %.2f: weighed as %.2f", own, blended));
                score = blended;
            }
        }
        return score;
    }

    /** The first head word of an institution's name, when no head word of it was paired; else null. */
    private static String unpairedHead(List<NameToken> tokens, boolean[] used) {
        String head = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == TokenKind.WORD && HEAD_WORDS.containsKey(tokens.get(i).text())) {
                if (used[i]) {
                    return null;
                }
                head = head == null ? tokens.get(i).text() : head;
            }
        }
        return head;
    }

    /** Type families of {@code a}'s unpaired words that {@code b} has no word of. */
    private static Set<String> extraTypes(List<NameToken> a, boolean[] used, List<NameToken> b) {
        Set<String> extra = new LinkedHashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String family = TYPE_WORDS.get(a.get(i).text());
            if (family == null) {
                family = HEAD_WORDS.get(a.get(i).text());
            }
            if (!used[i] && family != null && !hasFamily(b, family)) {
                extra.add(a.get(i).text());
            }
        }
        return extra;
    }

    private static boolean hasFamily(List<NameToken> tokens, String family) {
        for (NameToken t : tokens) {
            if (family.equals(TYPE_WORDS.get(t.text())) || family.equals(HEAD_WORDS.get(t.text()))) {
                return true;
            }
        }
        return false;
    }

    /** Share of the weight of a name's own words that was matched, or NaN when it has none. */
    private static double ownNameCoverage(List<NameToken> tokens, double[] sim, TokenWeights weights) {
        double total = 0;
        double matched = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (ownNameWord(tokens.get(i))) {
                double w = Math.max(0.05, weights.weight(tokens.get(i)));
                total += w;
                matched += w * sim[i];
            }
        }
        return total == 0 ? Double.NaN : matched / total;
    }
}
