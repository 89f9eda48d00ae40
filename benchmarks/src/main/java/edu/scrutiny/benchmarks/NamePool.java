package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of real listed names, gathered from the government lists in a directory, from which
 * synthetic lists are recombined: given and family names of persons, the words of organisation
 * names, and both again in non-Latin scripts. Recombining real parts keeps the statistics that
 * matter to a matcher (token frequencies, lengths, scripts, legal forms) without copying a list.
 */
final class NamePool {
    final List<String> givenNames = new ArrayList<>();
    final List<String> familyNames = new ArrayList<>();
    final List<String> orgWords = new ArrayList<>();
    final List<String> orgSuffixes = new ArrayList<>();
    final List<String> nonLatinPersonParts = new ArrayList<>();
    final List<String> nonLatinOrgWords = new ArrayList<>();
    final List<String> countries = new ArrayList<>();
    long persons;
    long organisations;
    long nonLatinNames;
    long allNames;

    private static final Set<String> SUFFIXES = Set.of("LTD", "LIMITED", "CO", "COMPANY", "CORP", "CORPORATION",
            "LLC", "INC", "GMBH", "SA", "AG", "JSC", "PJSC", "OOO", "AO", "OJSC", "CJSC", "BV", "SARL", "SPA",
            "INSTITUTE", "UNIVERSITY", "ACADEMY", "GROUP", "BANK", "TRADING", "INDUSTRIES", "HOLDING", "FZE", "PLC");

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
        if (pool.givenNames.isEmpty() || pool.orgWords.isEmpty()) {
            throw new IllegalStateException("no names found under " + listsDir);
        }
        return pool;
    }

    private void add(ListEntry e) {
        if (e.schema() == Schema.PERSON) {
            persons++;
        } else {
            organisations++;
        }
        countries.addAll(e.countries());
        for (String name : e.allNames()) {
            allNames++;
            if (!isLatin(name)) {
                nonLatinNames++;
                for (String part : name.split("[\\s,]+")) {
                    if (!part.isBlank()) {
                        (e.schema() == Schema.PERSON ? nonLatinPersonParts : nonLatinOrgWords).add(part);
                    }
                }
                continue;
            }
            if (e.schema() == Schema.PERSON) {
                addPerson(name);
            } else {
                addOrganisation(name);
            }
        }
    }

    private void addPerson(String name) {
        int comma = name.indexOf(',');
        if (comma > 0) {
            // OFAC style: "FAMILY, Given Names"
            addParts(familyNames, name.substring(0, comma));
            addParts(givenNames, name.substring(comma + 1));
            return;
        }
        String[] parts = name.strip().split("\\s+");
        if (parts.length == 1) {
            familyNames.add(parts[0]);
            return;
        }
        for (int i = 0; i < parts.length - 1; i++) {
            givenNames.add(parts[i]);
        }
        familyNames.add(parts[parts.length - 1]);
    }

    private void addOrganisation(String name) {
        String[] words = name.strip().split("\\s+");
        for (String w : words) {
            String key = w.replaceAll("[^\\p{L}]", "").toUpperCase(java.util.Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            (SUFFIXES.contains(key) ? orgSuffixes : orgWords).add(w);
        }
    }

    private static void addParts(List<String> into, String text) {
        for (String p : text.strip().split("\\s+")) {
            if (!p.isBlank()) {
                into.add(p);
            }
        }
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

    /** Distinct values only, for statistics. */
    static int distinct(List<String> l) {
        return new LinkedHashSet<>(l).size();
    }
}
