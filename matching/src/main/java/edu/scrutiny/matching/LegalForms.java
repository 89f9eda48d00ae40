package edu.scrutiny.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Legal forms and company types, recognised as such rather than compared as words: "Co., Ltd.",
 * "Company Limited", "LLC", "OOO", "Limited Liability Company", "GmbH" and "有限公司" say what
 * kind of company it is, not which. Each phrase maps to a canonical code; codes fall in families
 * ({@link #family}) whose members compare as near-equal ("LLC" and "Ltd" are both limited
 * companies).
 *
 * <p>Phrases are matched on folded tokens (lower-case ASCII, punctuation removed), longest first.
 * Short codes that are also words in some language ("as", "ab", "sa", "co", "ao", "ag", "kg")
 * are taken as legal forms only at the end of a name, or at its start for the Russian forms
 * (OOO, AO, ZAO...), and never in person names.
 *
 * <p>Source: the names and abbreviations of legal forms by jurisdiction in the ISO 20275 Entity
 * Legal Forms code list (GLEIF), in the transliterations the lists use; Russian state institutions'
 * forms from the Civil Code (arts. 123.21-123.22) and Federal Law 273-FZ "On Education".
 */
public final class LegalForms {
    /** Phrases that always mean a legal form, wherever they stand. */
    private static final Map<List<String>, String> PHRASES = new HashMap<>();
    /** Short codes that are legal forms only at the edge of an organisation's name. */
    private static final Map<String, String> EDGE_ONLY = new HashMap<>();
    private static final Map<String, String> FAMILY = new HashMap<>();
    private static int longest;

    static {
        // limited companies
        family("ltd", "limited", "ltd", "co ltd", "company limited", "co limited", "limited company", "pte ltd",
                "pty ltd", "pvt ltd", "private limited", "private limited company", "sdn bhd", "bhd",
                "pte", "pty", "pvt", "limitada", "ltda");
        family("llc", "llc", "l l c", "limited liability company", "limited liability co", "ooo", "tov", "too",
                "obshchestvo s ogranichennoy otvetstvennostyu", "obshchestvo s ogranichennoi otvetstvennostiu",
                "obshestvo s ogranichennoy otvetstvennostyu", "gmbh", "mbh", "sarl", "s a r l", "srl", "s r l", "sp z o o",
                "sp z oo", "spolka z oo", "spolka z ograniczona odpowiedzialnoscia", "gesellschaft mit beschrankter haftung",
                "societatea cu raspundere limitata", "sociedad limitada", "sociedade limitada", "sociedad de responsabilidad limitada",
                "besloten vennootschap", "societa a responsabilita limitata", "spolecnost s rucenim omezenym", "sro", "s r o", "kft", "doo", "d o o", "bv", "b v",
                "fze", "fzco", "fzc", "fz llc", "llp", "l l p", "youxian zeren gongsi", "you xian ze ren gong si");
        family("corp", "corp", "corporation", "inc", "incorporated", "inc corp");
        family("jsc", "jsc", "joint stock company", "joint stock co", "stock company", "pjsc", "public joint stock company",
                "ojsc", "open joint stock company", "cjsc", "closed joint stock company", "oao", "zao", "pao", "nao",
                "aktsionernoe obshchestvo", "aktsionernoye obshchestvo", "publichnoe aktsionernoe obshchestvo",
                "otkrytoe aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo", "plc", "p l c",
                "public limited company", "nv", "n v", "spa", "s p a", "sas", "s a s", "kk", "kabushiki kaisha",
                "kabushikigaisha", "jusikhoesa", "gufen youxian gongsi", "gu fen you xian gong si", "aktiengesellschaft",
                "societe anonyme", "sociedad anonima", "societatea pe actiuni", "naamloze vennootschap",
                "societa per azioni", "sociedade anonima", "anonim sirketi", "akcionarsko drustvo", "sa de cv", "s a de c v", "se", "oyj", "asa");
        family("co", "co", "company", "gongsi", "gong si", "kompaniya", "compania", "companhia", "compagnie");
        family("lp", "lp", "l p", "limited partnership", "partnership", "kg", "gmbh co kg", "gmbh and co kg");
        family("group", "group", "holding", "holdings", "jituan", "ji tuan", "konzern", "gruppa");
        family("unitary", "fgup", "gup", "mup", "federal state unitary enterprise", "state unitary enterprise",
                "federalnoe gosudarstvennoe unitarnoe predpriyatie", "unitary enterprise", "state enterprise");
        // Russian state institutions (Civil Code arts. 123.21-123.22; Federal Law 273-FZ "On Education"),
        // as their English names and abbreviations write them: what kind of body, not which
        family("institution", "federal state budgetary educational institution of higher education",
                "federal state budgetary educational institution of higher professional education",
                "federal state autonomous educational institution of higher education",
                "federal state autonomous educational institution of higher professional education",
                "federal state budgetary institution of higher education", "federal state budgetary institution of science",
                "federal state budgetary scientific institution", "federal state budgetary institution",
                "federal state autonomous institution", "federal state institution", "state budgetary institution",
                "state educational institution of higher professional education", "fgbou vo", "fgbou vpo", "fgaou vo",
                "fgaou vpo", "fgou vpo", "gou vpo", "fgbou", "fgaou", "fgbu", "fgbun", "fgbnu", "fgau", "fgu",
                // the status "national research university" (273-FZ art. 24), written before the name
                "national research university");
        family("nonprofit", "ano", "avtonomnaya nekommercheskaya organizatsiya", "nko", "non profit organization",
                "nonprofit organization", "ngo", "eingetragener verein", "ev", "e v");
        family("trust", "trust", "foundation", "fund", "fondation", "fundacion", "stiftung");

        // short codes that are words elsewhere ("as" in English, "sa" in Arabic names, "ab"...)
        for (String[] e : new String[][] {
                {"as", "jsc"}, {"ab", "jsc"}, {"sa", "jsc"}, {"ag", "jsc"}, {"ao", "jsc"}, {"oy", "jsc"},
                {"kg", "lp"}, {"co", "co"}, {"se", "jsc"}, {"nv", "jsc"}, {"bv", "llc"}, {"tov", "llc"}}) {
            EDGE_ONLY.put(e[0], e[1]);
        }
        // "co" and "company" alone at the edge stay legal forms; as phrases inside a name they are not
        PHRASES.remove(List.of("co"));
        PHRASES.remove(List.of("se"));
        PHRASES.remove(List.of("nv"));
        PHRASES.remove(List.of("bv"));
        PHRASES.remove(List.of("tov"));
        PHRASES.remove(List.of("trust"));
        PHRASES.remove(List.of("fund"));
        PHRASES.remove(List.of("foundation"));
        PHRASES.remove(List.of("group"));
        PHRASES.remove(List.of("holding"));
        PHRASES.remove(List.of("holdings"));
        for (String edgeWord : Set.of("trust", "fund", "foundation", "group", "holding", "holdings")) {
            EDGE_ONLY.put(edgeWord, canonical(edgeWord));
        }
    }

    private LegalForms() {
    }

    private static void family(String code, String... phrases) {
        FAMILY.put(code, code);
        for (String p : phrases) {
            List<String> tokens = List.of(p.split(" "));
            PHRASES.put(tokens, code);
            longest = Math.max(longest, tokens.size());
        }
    }

    private static String canonical(String word) {
        return switch (word) {
            case "trust", "fund", "foundation" -> "trust";
            case "group", "holding", "holdings" -> "group";
            default -> word;
        };
    }

    /** Whether folded words are one legal-form phrase, whole ("joint stock company"). */
    static boolean isPhrase(List<String> words) {
        return PHRASES.containsKey(words) || (words.size() == 1 && EDGE_ONLY.containsKey(words.get(0)));
    }

    /** The most words a legal-form phrase holds. */
    static int longestPhrase() {
        return longest;
    }

    /** Every word of the legal-form phrases, for {@link LegalFormSpelling}. */
    static Set<String> phraseWords() {
        Set<String> words = new java.util.HashSet<>();
        PHRASES.keySet().forEach(words::addAll);
        return words;
    }

    /** The family of a canonical code: codes of one family compare as near-equal. */
    public static String family(String code) {
        return switch (code) {
            case "ltd", "llc", "corp", "co" -> "limited";
            default -> code;
        };
    }

    /**
     * Replaces legal-form phrases in a token sequence of an organisation's name with their
     * canonical codes.
     *
     * @param words folded words of the name, in order
     * @return for each output position, either the code of a legal form (prefixed {@code "\0"}) or the word
     */
    static List<String> mark(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            String code = null;
            for (int len = Math.min(longest, words.size() - i); len >= 1; len--) {
                String c = PHRASES.get(words.subList(i, i + len));
                if (c != null) {
                    matched = len;
                    code = c;
                    break;
                }
            }
            if (code == null && isUniversityStatus(words, i)) {
                code = "institution";
                matched = STATUS_WORDS.size();
            }
            if (code == null) {
                String w = words.get(i);
                String edge = EDGE_ONLY.get(w);
                boolean atEnd = i == words.size() - 1 || isLegalTail(words, i + 1);
                boolean atStartRussian = i == 0 && words.size() > 1 && (w.equals("ao") || w.equals("tov"));
                if (edge != null && words.size() > 1 && (atEnd || atStartRussian)) {
                    code = edge;
                    matched = 1;
                }
            }
            if (code != null) {
                out.add("\0" + code);
                i += matched;
            } else {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }

    /** The Russian category "national research (university)" (273-FZ art. 24) without the word university. */
    private static final List<String> STATUS_WORDS = List.of("national", "research");

    /**
     * Whether the status "national research" stands at position i of a university's name with the
     * name itself around it: "National Research Tomsk State University", "Tomsk National Research State
     * University". Only before a later "university": in "National Research Council" or "… National
     * Research Centre" the words are the name.
     */
    private static boolean isUniversityStatus(List<String> words, int i) {
        if (i + STATUS_WORDS.size() >= words.size() || !words.subList(i, i + STATUS_WORDS.size()).equals(STATUS_WORDS)) {
            return false;
        }
        return words.subList(i + STATUS_WORDS.size(), words.size()).contains("university");
    }

    /** Whether everything from position i on is legal forms ("... Co. Ltd."). */
    private static boolean isLegalTail(List<String> words, int from) {
        int i = from;
        while (i < words.size()) {
            boolean found = false;
            for (int len = Math.min(longest, words.size() - i); len >= 1; len--) {
                if (isPhrase(words.subList(i, i + len))) {
                    i += len;
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
