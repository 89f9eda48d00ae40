package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of real listed names, gathered from the government lists in a directory, from which
 * synthetic lists are recombined: given and family names of persons, real organisation names as
 * templates and their words, and names in other scripts as templates and their words, by script.
 * Recombining real parts keeps the statistics that matter to a matcher (token frequencies, lengths,
 * shapes, scripts, legal forms, aliases per entry) without copying a list.
 *
 * <p>Vessels and aircraft are left out: their names (ship names, registration marks) are another
 * kind of name, screened apart.
 */
final class NamePool {
    final List<String> givenNames = new ArrayList<>();
    final List<String> familyNames = new ArrayList<>();
    /** Per Latin person name, how many given names it has (its shape). */
    final List<Integer> givenCounts = new ArrayList<>();
    /** Persons' names of one word ("SHAMSUDDIN"): a word of its own, not a family name without given names. */
    final List<String> singleNames = new ArrayList<>();
    /** Real Latin organisation names, as words: the templates organisation names are recombined from. */
    final List<String[]> orgNames = new ArrayList<>();
    final List<String> orgWords = new ArrayList<>();
    final List<String> orgSuffixes = new ArrayList<>();
    /** Real names of persons in other scripts, as words of one script each. */
    final List<Written> nonLatinPersonNames = new ArrayList<>();
    final List<Written> nonLatinOrgNames = new ArrayList<>();
    /** Words of those names by script, to recombine within a script. */
    final Map<String, List<String>> nonLatinPersonWords = new HashMap<>();
    final Map<String, List<String>> nonLatinOrgWords = new HashMap<>();
    final List<String> countries = new ArrayList<>();
    /** Per entry, its number of aliases. */
    final List<Integer> aliasCounts = new ArrayList<>();
    final Map<Schema, Long> schemas = new EnumMap<>(Schema.class);
    long personNamesWithComma;
    long personNames;
    long nonLatinNames;
    long allNames;

    /** A name written in one script other than Latin. */
    record Written(String script, String[] words) {
    }

    static final Set<String> SUFFIXES = Set.of("LTD", "LIMITED", "CO", "COMPANY", "CORP", "CORPORATION",
            "LLC", "INC", "GMBH", "SA", "AG", "JSC", "PJSC", "OOO", "AO", "OJSC", "CJSC", "BV", "SARL", "SPA",
            "INSTITUTE", "UNIVERSITY", "ACADEMY", "GROUP", "BANK", "TRADING", "INDUSTRIES", "HOLDING", "FZE", "PLC");

    /** Lists write remarks in parentheses ("(original script: ...)", "(HQN)"): they are not part of the name. */
    private static final Pattern REMARK = Pattern.compile("\\([^)]*\\)?");
    /** Several names in one field: "Hajji Malik Noorzai; Hajji Malak Noorzai". */
    private static final Pattern ALTERNATIVES = Pattern.compile("[;/]");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s,]+");

    /** Reads every list under the directory and gathers their name parts. */
    static NamePool from(Path listsDir) throws IOException {
        NamePool pool = new NamePool();
        Lists.Discovery d = Lists.standard().discover(listsDir);
        for (DetectedList list : d.lists()) {
            try {
                list.read(pool::add);
            } catch (ListFormatException e) {
                // a name pool does not need every list; say which one was left out
                System.err.println("name pool: left out " + e.getMessage());
            }
        }
        if (pool.givenNames.isEmpty() || pool.orgNames.isEmpty()) {
            throw new IllegalStateException("no names found under " + listsDir);
        }
        return pool;
    }

    long persons() {
        return schemas.getOrDefault(Schema.PERSON, 0L);
    }

    long organisations() {
        return schemas.values().stream().mapToLong(Long::longValue).sum() - persons();
    }

    private void add(ListEntry e) {
        if (e.schema() == Schema.VESSEL || e.schema() == Schema.AIRPLANE) {
            return;
        }
        boolean person = e.schema() == Schema.PERSON;
        schemas.merge(e.schema(), 1L, Long::sum);
        aliasCounts.add(e.aliases().size());
        countries.addAll(e.countries());
        for (String name : e.allNames()) {
            allNames++;
            if (!isLatin(name)) {
                nonLatinNames++;
            }
            for (String piece : ALTERNATIVES.split(REMARK.matcher(name).replaceAll(" "))) {
                if (!isLatin(piece)) {
                    addNonLatin(piece, person);
                } else if (person) {
                    addPerson(piece);
                } else {
                    addOrganisation(piece);
                }
            }
        }
    }

    private void addNonLatin(String name, boolean person) {
        List<String> words = new ArrayList<>();
        for (String w : WORD_SEPARATOR.split(name)) {
            String word = clean(w);
            // only the words in the other script: Latin words in such a field are glosses
            if (!word.isEmpty() && !hasLatinLetter(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return;
        }
        String script = dominantScript(String.join("", words));
        (person ? nonLatinPersonNames : nonLatinOrgNames).add(new Written(script, words.toArray(String[]::new)));
        (person ? nonLatinPersonWords : nonLatinOrgWords).computeIfAbsent(script, s -> new ArrayList<>()).addAll(words);
    }

    private void addPerson(String name) {
        int comma = name.indexOf(',');
        List<String> given;
        if (comma > 0) {
            // OFAC style: "FAMILY, Given Names"
            personNamesWithComma++;
            addParts(familyNames, name.substring(0, comma));
            given = parts(name.substring(comma + 1));
        } else {
            List<String> parts = parts(name);
            if (parts.isEmpty()) {
                return;
            }
            if (parts.size() == 1) {
                singleNames.add(parts.getFirst());
            } else {
                familyNames.add(parts.getLast());
            }
            given = parts.subList(0, parts.size() - 1);
        }
        personNames++;
        givenNames.addAll(given);
        givenCounts.add(given.size());
    }

    private void addOrganisation(String name) {
        List<String> words = parts(name);
        if (words.isEmpty()) {
            return;
        }
        orgNames.add(words.toArray(String[]::new));
        for (String w : words) {
            (isSuffix(w) ? orgSuffixes : orgWords).add(w);
        }
    }

    static boolean isSuffix(String word) {
        return SUFFIXES.contains(word.replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT));
    }

    private static void addParts(List<String> into, String text) {
        into.addAll(parts(text));
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : WORD_SEPARATOR.split(text.strip())) {
            String word = clean(p);
            if (!word.isEmpty()) {
                parts.add(word);
            }
        }
        return parts;
    }

    /**
     * A word without the punctuation around it (quotes, brackets, semicolons), keeping a final dot
     * that marks an abbreviation ("Ltd.", "S.A.").
     */
    static String clean(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && !Character.isLetterOrDigit(word.codePointAt(from))) {
            from += Character.charCount(word.codePointAt(from));
        }
        while (to > from && !Character.isLetterOrDigit(word.codePointBefore(to))
                && !(word.charAt(to - 1) == '.' && to - 1 > from && Character.isLetter(word.codePointBefore(to - 1)))) {
            to -= Character.charCount(word.codePointBefore(to));
        }
        return word.substring(from, to);
    }

    static boolean isLatin(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean hasLatinLetter(String s) {
        return s.codePoints().anyMatch(cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }

    /** The script most of the letters are written in. */
    static String dominantScript(String s) {
        Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
        s.codePoints().filter(Character::isLetter).forEach(cp -> letters.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        return letters.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey().name()).orElse(Character.UnicodeScript.COMMON.name());
    }
}
