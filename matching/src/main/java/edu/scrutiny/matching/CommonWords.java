package edu.scrutiny.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * The words most common in listed names, as weights for comparing names without an index (the
 * {@code pairs} command, a single comparison). Written by hand from the make-up of sanctions and
 * export lists: organisation-type words, particles, and the given names and name elements that
 * recur across Arabic, Persian, Russian, Chinese and Korean names.
 *
 * <p>Source: the word frequencies of the OFAC SDN, UN and CSL lists (the most frequent words of
 * their names, grouped by kind); an index built over a list replaces them with that list's own
 * frequencies ({@link IndexWeights}).
 */
final class CommonWords implements TokenWeights {
    static final CommonWords INSTANCE = new CommonWords();

    private static final Map<String, Double> WEIGHTS = new HashMap<>();

    static {
        weigh(0.15, "of", "the", "and", "for", "de", "del", "la", "le", "les", "du", "des", "da", "di", "do", "dos",
                "van", "von", "der", "den", "het", "y", "e", "et", "und", "al", "el", "ul", "ud", "in", "at", "on");
        weigh(0.3, "company", "co", "corporation", "group", "international", "national", "general", "trading",
                "trade", "bank", "university", "institute", "technology", "technologies", "tech", "industry", "industrial",
                "industries", "services", "service", "holding", "holdings", "research", "science", "sciences",
                "engineering", "development", "investment", "investments", "enterprise", "enterprises", "global",
                "import", "export", "shipping", "logistics", "electronics", "electronic", "electric", "energy", "oil",
                "gas", "petroleum", "chemical", "chemicals", "systems", "system", "solutions", "center", "centre",
                "academy", "state", "federal", "china", "chinese", "russian", "russia", "iran", "iranian", "korea",
                "korean", "beijing", "shanghai", "shenzhen", "moscow", "tehran", "hong", "kong", "new", "east", "west",
                "north", "south", "middle", "central", "commercial", "factory", "plant", "production", "manufacturing",
                "equipment", "machinery", "materials", "products", "design", "scientific", "laboratory", "lab",
                "aviation", "aerospace", "space", "defense", "defence", "military", "nuclear", "marine", "maritime",
                "ministry", "department", "office", "organization", "organisation", "association", "society", "union",
                "council", "agency", "bureau", "committee", "foundation", "fund", "trust", "capital", "finance",
                "financial", "management", "consulting", "partners", "brothers", "sons", "sa", "jsc", "llc", "ltd",
                "bin", "ibn", "bint", "abu", "umm", "abd", "abdul", "abdel", "abdal", "ould", "ben", "bou");
        weigh(0.45, "mohammad", "mohammed", "muhammad", "mohamed", "mohamad", "muhammed", "mohd", "ahmad", "ahmed",
                "ali", "hassan", "hasan", "hussein", "husain", "hussain", "husayn", "ibrahim", "abdullah", "abdallah",
                "khan", "mahmoud", "mahmud", "omar", "umar", "yusuf", "youssef", "mustafa", "abdulla", "said", "saeed",
                "sayed", "syed", "shah", "mir", "gul", "haji", "mullah", "kim", "lee", "li", "wang", "zhang", "liu",
                "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin",
                "park", "pak", "choi", "choe", "jong", "jung", "chol", "il", "song", "nam", "ri", "rim", "han",
                "ivanov", "petrov", "sergey", "sergei", "alexander", "aleksandr", "andrey", "andrei", "vladimir",
                "dmitry", "dmitri", "igor", "oleg", "nikolai", "nikolay", "mikhail", "yuri", "viktor", "victor",
                "ivan", "alexey", "aleksei", "pavel", "maxim", "evgeny", "yevgeny", "john", "james", "david", "michael",
                "jose", "juan", "luis", "carlos", "maria", "ana", "garcia", "rodriguez", "martinez", "lopez",
                "gonzalez", "hernandez", "perez", "sanchez", "ramirez", "smith", "jones", "brown", "williams");
    }

    private static void weigh(double w, String... words) {
        for (String word : words) {
            WEIGHTS.putIfAbsent(word, w);
        }
    }

    private CommonWords() {
    }

    /** Russian, Ukrainian and Belarusian patronymics ("Vladimirovich", "Viktorovna") say little about who someone is. */
    static boolean patronymic(String word) {
        return word.length() > 6 && (word.endsWith("ovich") || word.endsWith("evich") || word.endsWith("ovych")
                || word.endsWith("evych") || word.endsWith("ovna") || word.endsWith("evna") || word.endsWith("ivna")
                || word.endsWith("ovic") || word.endsWith("evic") || word.endsWith("ovitch") || word.endsWith("owitsch")
                || word.endsWith("ovitj") || word.endsWith("owicz") || word.endsWith("ovics") || word.endsWith("avich"));
    }

    @Override
    public double weight(NameToken token) {
        return switch (token.kind()) {
            case INITIAL -> 0.3;
            case NUMBER -> 0.8;
            case LEGAL_FORM, TITLE -> 0.0;
            case WORD -> WEIGHTS.getOrDefault(token.text(), patronymic(token.text()) ? 0.3
                    : token.text().length() <= 2 ? 0.5 : 1.0);
        };
    }
}
