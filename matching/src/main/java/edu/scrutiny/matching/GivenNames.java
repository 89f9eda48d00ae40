package edu.scrutiny.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Given names that are the same name in another language or a familiar form of it (John, Juan,
 * Jean, Johann, Ivan, Giovanni; Ted, Theodore). Spelling variants within one language are left to
 * the spelling comparison; these are names no edit distance would pair.
 *
 * <p>Source: the cognates and diminutives that Wiktionary's entry for each name gives (its
 * "Descendants", "Translations" and "Derived terms"), for names common in the lists. Only forms
 * a language uses for everyone of that name: a nickname of one famous person is not an
 * equivalent of the name.
 */
final class GivenNames {
    private static final Map<String, Integer> GROUP = new HashMap<>();
    private static final java.util.List<java.util.List<String>> MEMBERS = new java.util.ArrayList<>();

    static {
        String[][] groups = {
                {"john", "juan", "jean", "johann", "johannes", "hans", "ivan", "giovanni", "joao", "jan", "jon", "sean", "ian", "yahya", "ioannis", "jack", "johnny"},
                {"theodore", "ted", "teddy", "theo", "fyodor", "fedor", "teodoro", "todor"},
                {"benjamin", "ben", "benny", "veniamin", "binyamin"},
                {"william", "bill", "billy", "will", "willy", "wilhelm", "guillaume", "guillermo", "willem"},
                {"robert", "bob", "bobby", "rob", "roberto", "robbie"},
                {"michael", "mike", "mikhail", "michel", "miguel", "michele", "mikael", "mykhailo", "mihail", "mikhael"},
                {"alexander", "alex", "aleksandr", "alexandre", "alejandro", "alessandro", "alexandros", "oleksandr", "sasha", "iskandar", "sandro"},
                {"peter", "pete", "pierre", "pedro", "pyotr", "petr", "piotr", "pietro", "petro", "boutros"},
                {"paul", "pablo", "pavel", "paolo", "pavlo", "paulo", "pawel"},
                {"joseph", "joe", "jose", "giuseppe", "iosif", "josef", "youssef", "yusuf", "yousef", "osip", "yosef"},
                {"george", "georgy", "georgiy", "georgi", "jorge", "giorgio", "georg", "yuri", "yury", "jurgen", "jerzy", "giorgos", "heorhiy"},
                {"nicholas", "nick", "nikolai", "nikolay", "nicolas", "nicola", "niccolo", "mykola", "nikolaos", "klaus", "nils"},
                {"stephen", "steven", "steve", "stefan", "esteban", "stepan", "stefano", "etienne", "stephane", "istvan"},
                {"james", "jim", "jimmy", "jacques", "diego", "jaime", "giacomo", "jakob", "jacob", "yakov", "yaakov", "yakub", "yaqub"},
                {"andrew", "andy", "andrei", "andrey", "andre", "andres", "andrea", "andreas", "andrzej", "andriy"},
                {"catherine", "katherine", "kate", "katie", "ekaterina", "yekaterina", "katarzyna", "caterina", "catalina", "katharina"},
                {"elizabeth", "liz", "beth", "betty", "elisabeth", "elisabetta", "isabel", "elizaveta", "elzbieta"},
                {"mary", "maria", "marie", "mariya", "miriam", "maryam", "mariam"},
                {"anne", "ann", "anna", "ana", "hannah", "anya"},
                {"margaret", "maggie", "peggy", "margarita", "marguerite", "margarethe"},
                {"charles", "charlie", "carlos", "carlo", "karl", "karel", "carl"},
                {"francis", "frank", "francisco", "francesco", "franz", "francois", "frantisek"},
                {"henry", "harry", "henri", "enrique", "enrico", "heinrich", "hendrik", "henryk"},
                {"edward", "ed", "eddie", "eduardo", "edouard", "eduard"},
                {"richard", "rick", "dick", "ricardo", "riccardo", "rikard"},
                {"anthony", "tony", "antonio", "antoine", "anton", "antoni"},
                {"daniel", "dan", "danny", "daniil", "danilo"},
                {"david", "dave", "dawood", "dawud", "davit", "davide", "daud"},
                {"solomon", "sulaiman", "suleiman", "sulayman", "shlomo", "salomon"},
                {"abraham", "ibrahim", "avraham", "abram"},
                {"moses", "musa", "moshe", "moise", "moises"},
                {"jesus", "isa", "yeshua"},
                {"elijah", "elias", "ilya", "ilyas", "eliyahu", "elia"},
                {"gregory", "grigory", "grigoriy", "gregorio", "gregor", "grzegorz", "hryhoriy"},
                {"dmitry", "dmitri", "dmitriy", "dimitri", "dimitrios", "dmytro", "mitya"},
                {"vladimir", "volodymyr", "wladimir", "uladzimir", "vlad", "volodya"},
                {"sergey", "sergei", "serhiy", "sergio", "serge", "sergiu"},
                {"eugene", "evgeny", "yevgeny", "evgeniy", "yevhen", "eugenio", "eugen"},
                {"matthew", "matt", "mateo", "matteo", "matthias", "matvei", "matvey", "mateusz"},
                {"thomas", "tom", "tommy", "tomas", "tommaso", "foma"},
        };
        for (int g = 0; g < groups.length; g++) {
            for (String name : groups[g]) {
                GROUP.putIfAbsent(name, g);
            }
            MEMBERS.add(java.util.List.of(groups[g]));
        }
    }

    private GivenNames() {
    }

    /** The other names of the group the name belongs to, empty when it belongs to none. */
    static java.util.List<String> equivalents(String name) {
        Integer g = GROUP.get(name);
        if (g == null) {
            return java.util.List.of();
        }
        return MEMBERS.get(g);
    }

    /** The group the name belongs to, or -1 when it belongs to none. */
    static int group(String name) {
        Integer g = GROUP.get(name);
        return g == null ? -1 : g;
    }

    /** Whether two words are equivalent given names (their groups kept on the words, see {@link Word#givenNameGroup()}). */
    static boolean equivalent(Word a, Word b) {
        int ga = a.givenNameGroup();
        return ga >= 0 && ga == b.givenNameGroup();
    }
}
