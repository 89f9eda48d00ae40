package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a listed name the way a customer record might: with a typo, the words in another order,
 * the middle name left out, in other letter case, with another legal form. One change per variant,
 * chosen among those that apply to the name, so that recall can be reported per kind of change.
 */
final class NameVariants {
    /** The kinds of change. */
    enum Variation {
        TYPO_DELETED_LETTER("typo: a letter deleted"),
        TYPO_SWAPPED_LETTERS("typo: two letters swapped"),
        TYPO_REPLACED_LETTER("typo: a letter replaced"),
        REORDERED("words reordered (persons)"),
        MIDDLE_NAME_DROPPED("middle name dropped (persons)"),
        CASE_CHANGED("letter case changed"),
        LEGAL_FORM_CHANGED("legal form changed (organisations)");

        final String description;

        Variation(String description) {
            this.description = description;
        }
    }

    /** A varied name and how it was varied. */
    record Variant(String name, Variation variation) {
    }

    /** Legal forms as a customer might write them instead: the same form spelt out or abbreviated, or another form. */
    private static final Map<String, List<String>> LEGAL_FORMS = Map.ofEntries(
            Map.entry("LTD", List.of("LIMITED", "LLC", "")),
            Map.entry("LTD.", List.of("LIMITED", "LLC", "")),
            Map.entry("LIMITED", List.of("LTD", "LTD.", "")),
            Map.entry("LLC", List.of("L.L.C.", "LTD", "")),
            Map.entry("INC", List.of("INCORPORATED", "CORP", "")),
            Map.entry("INC.", List.of("INCORPORATED", "CORP.", "")),
            Map.entry("CORP", List.of("CORPORATION", "INC", "")),
            Map.entry("CORP.", List.of("CORPORATION", "INC.", "")),
            Map.entry("CORPORATION", List.of("CORP", "CORP.", "")),
            Map.entry("CO", List.of("COMPANY", "")),
            Map.entry("CO.", List.of("COMPANY", "")),
            Map.entry("COMPANY", List.of("CO", "CO.", "")),
            Map.entry("JSC", List.of("JOINT STOCK COMPANY", "PJSC", "")),
            Map.entry("OJSC", List.of("OPEN JOINT STOCK COMPANY", "JSC", "")),
            Map.entry("PJSC", List.of("PUBLIC JOINT STOCK COMPANY", "JSC", "")),
            Map.entry("OOO", List.of("LLC", "")),
            Map.entry("GMBH", List.of("AG", "")),
            Map.entry("SA", List.of("S.A.", "")),
            Map.entry("S.A.", List.of("SA", "")),
            Map.entry("PLC", List.of("LIMITED", "")));
    private static final List<String> ADDED_LEGAL_FORMS = List.of("LTD", "LLC", "INC", "CO", "JSC", "S.A.", "GMBH");

    private NameVariants() {
    }

    /** One variant of the name, or null when none of the changes applies (a name of one letter). */
    static Variant vary(String name, Schema schema, SplittableRandom rnd) {
        List<Variation> applicable = new ArrayList<>();
        boolean person = schema == Schema.PERSON;
        String[] words = name.trim().split("\\s+");
        if (typoTarget(words) >= 0) {
            // the three typos together count as one kind of change among the others
            applicable.add(Variation.values()[rnd.nextInt(3)]);
        }
        if (person && words.length >= 2) {
            applicable.add(Variation.REORDERED);
        }
        if (person && middleName(name) != null) {
            applicable.add(Variation.MIDDLE_NAME_DROPPED);
        }
        if (!name.toLowerCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
            applicable.add(Variation.CASE_CHANGED);
        }
        if (!person) {
            applicable.add(Variation.LEGAL_FORM_CHANGED);
        }
        if (applicable.isEmpty()) {
            return null;
        }
        Variation v = applicable.get(rnd.nextInt(applicable.size()));
        return switch (v) {
            case TYPO_DELETED_LETTER, TYPO_SWAPPED_LETTERS, TYPO_REPLACED_LETTER -> typo(words, v, rnd);
            case REORDERED -> new Variant(reorder(name, words), v);
            case MIDDLE_NAME_DROPPED -> new Variant(middleName(name), v);
            case CASE_CHANGED -> new Variant(name.equals(name.toUpperCase(Locale.ROOT)) ? titleCase(name)
                    : name.toUpperCase(Locale.ROOT), v);
            case LEGAL_FORM_CHANGED -> new Variant(legalForm(words, rnd), v);
        };
    }

    /** The word a typo goes into: a random one of four letters or more, else of two or more; -1 when none. */
    private static int typoTarget(String[] words) {
        for (int min : new int[] {4, 2}) {
            for (int i = 0; i < words.length; i++) {
                if (letters(words[i]) >= min) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Variant typo(String[] words, Variation kind, SplittableRandom rnd) {
        List<Integer> targets = new ArrayList<>();
        int min = letters(words[typoTarget(words)]) >= 4 ? 4 : 2;
        for (int i = 0; i < words.length; i++) {
            if (letters(words[i]) >= min) {
                targets.add(i);
            }
        }
        int w = targets.get(rnd.nextInt(targets.size()));
        int[] cps = words[w].codePoints().toArray();
        int[] letterAt = java.util.stream.IntStream.range(0, cps.length).filter(i -> Character.isLetter(cps[i])).toArray();
        int at = letterAt[rnd.nextInt(kind == Variation.TYPO_SWAPPED_LETTERS ? letterAt.length - 1 : letterAt.length)];
        int[] out = switch (kind) {
            case TYPO_DELETED_LETTER -> remove(cps, at);
            case TYPO_SWAPPED_LETTERS -> swap(cps, at, letterAt);
            default -> replace(cps, at, rnd);
        };
        Variation done = kind;
        if (Arrays.equals(out, cps)) {
            // two equal letters swapped ("LL"): no typo at all, so replace one
            out = replace(cps, at, rnd);
            done = Variation.TYPO_REPLACED_LETTER;
        }
        String[] copy = words.clone();
        copy[w] = new String(out, 0, out.length);
        return new Variant(String.join(" ", copy), done);
    }

    private static int[] remove(int[] cps, int at) {
        int[] out = new int[cps.length - 1];
        System.arraycopy(cps, 0, out, 0, at);
        System.arraycopy(cps, at + 1, out, at, cps.length - at - 1);
        return out;
    }

    /** Swaps the letter with the next letter of the word. */
    private static int[] swap(int[] cps, int at, int[] letterAt) {
        int next = letterAt[Arrays.binarySearch(letterAt, at) + 1];
        int[] out = cps.clone();
        out[at] = cps[next];
        out[next] = cps[at];
        return out;
    }

    /** Replaces the letter with another of the same script: a Latin letter, or one found elsewhere in the word. */
    private static int[] replace(int[] cps, int at, SplittableRandom rnd) {
        int[] out = cps.clone();
        int old = cps[at];
        int by = old;
        if (Character.UnicodeScript.of(old) == Character.UnicodeScript.LATIN) {
            while (Character.toLowerCase(by) == Character.toLowerCase(old)) {
                by = 'a' + rnd.nextInt(26);
            }
            by = Character.isUpperCase(old) ? Character.toUpperCase(by) : by;
        } else {
            for (int tries = 0; tries < 10 && by == old; tries++) {
                int c = cps[rnd.nextInt(cps.length)];
                by = Character.isLetter(c) ? c : old;
            }
            if (by == old) {
                // every letter of the word is the same: a deletion is the typo left
                return remove(cps, at);
            }
        }
        out[at] = by;
        return out;
    }

    /** "FAMILY, Given" as "Given FAMILY"; otherwise the last word moved to the front. */
    private static String reorder(String name, String[] words) {
        int comma = name.indexOf(',');
        if (comma > 0) {
            return name.substring(comma + 1).trim() + " " + name.substring(0, comma).trim();
        }
        String[] out = new String[words.length];
        out[0] = words[words.length - 1];
        System.arraycopy(words, 0, out, 1, words.length - 1);
        return String.join(" ", out);
    }

    /** The name without its last given name, when it has two or more; else null. */
    private static String middleName(String name) {
        int comma = name.indexOf(',');
        String[] given = (comma > 0 ? name.substring(comma + 1) : name).trim().split("\\s+");
        if (comma > 0) {
            if (given.length < 2) {
                return null;
            }
            return name.substring(0, comma) + ", " + String.join(" ", Arrays.copyOf(given, given.length - 1));
        }
        if (given.length < 3) {
            return null;
        }
        List<String> out = new ArrayList<>(Arrays.asList(given));
        out.remove(given.length - 2);
        return String.join(" ", out);
    }

    /** The legal form spelt otherwise, exchanged for another or dropped; one added when the name has none. */
    private static String legalForm(String[] words, SplittableRandom rnd) {
        for (int i = words.length - 1; i >= 0; i--) {
            List<String> others = LEGAL_FORMS.get(words[i].toUpperCase(Locale.ROOT));
            if (others != null && words.length > 1) {
                String[] copy = words.clone();
                copy[i] = others.get(rnd.nextInt(others.size()));
                return String.join(" ", copy).replaceAll("\\s+", " ").trim();
            }
        }
        return String.join(" ", words) + " " + ADDED_LEGAL_FORMS.get(rnd.nextInt(ADDED_LEGAL_FORMS.size()));
    }

    private static String titleCase(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            sb.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
            start = !Character.isLetter(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static int letters(String word) {
        return (int) word.codePoints().filter(Character::isLetter).count();
    }
}
