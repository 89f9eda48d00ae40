package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.Dates;
import edu.scrutiny.lists.internal.Xml;
import edu.scrutiny.lists.internal.XmlNode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The UN Security Council consolidated list XML ({@code consolidated.xml}): root
 * {@code CONSOLIDATED_LIST}, with {@code INDIVIDUALS/INDIVIDUAL} and {@code ENTITIES/ENTITY}.
 *
 * <p>Individuals are {@link Schema#PERSON}s named by their name parts in the UN's order
 * (FIRST_NAME to FOURTH_NAME). Entities are {@link Schema#ORGANIZATION}s: the UN lists groups,
 * fronts, charities and companies alike, and says nothing that would tell a company apart. Aliases
 * of "Low" quality are weak (the UN marks an alias so when it is too vague to identify anyone on
 * its own); the name in original script is a strong alias. Countries are nationalities and
 * address countries, not places of birth.
 */
public final class UnXmlReader implements ListReader {
    public static final String LIST_KEY = "un_sc";
    static final String SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml";
    private static final String ROOT = "CONSOLIDATED_LIST";
    private static final String WHAT = "UN Security Council consolidated list";
    private static final List<String> NAME_PARTS = List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME");
    private static final List<String> ADDRESS_PARTS = List.of("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY");
    /** A "between" birth year range longer than this is kept as its two ends only. */
    private static final int MAX_YEARS_SPELLED_OUT = 20;

    @Override
    public ListFormat format() {
        return ListFormat.UN_XML;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        Xml.RootTag root = Xml.rootTag(source.single());
        return root != null && root.localName().equals(ROOT);
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        long n = XmlEntries.read(file, ROOT, null, WHAT, Set.of("INDIVIDUAL", "ENTITY"),
                node -> sink.accept(entry(file, node)));
        return new ReadSummary(LIST_KEY, n);
    }

    private static ListEntry entry(ListFile file, XmlNode node) {
        String where = XmlEntries.where(file, node);
        String ref = node.childText("REFERENCE_NUMBER");
        if (ref == null) {
            throw new ListFormatException(where, "no REFERENCE_NUMBER; every UN entry has one (e.g. QDi.001)");
        }
        boolean person = node.name().equals("INDIVIDUAL");
        ListEntry.Builder b = ListEntry.builder(LIST_KEY, ref)
                .schema(person ? Schema.PERSON : Schema.ORGANIZATION)
                .category(ListCategory.SANCTIONS)
                .name(name(node))
                .program(node.childText("UN_LIST_TYPE"))
                .remarks(node.childText("COMMENTS1"))
                .sourceUrl(SOURCE_URL);
        if (!b.hasName()) {
            throw new ListFormatException(where, "entry " + ref + " has no name; expected FIRST_NAME"
                    + (person ? " (and SECOND_NAME to FOURTH_NAME where the UN gives them)" : ""));
        }
        b.listedOn(date(where, "LISTED_ON", node.childText("LISTED_ON")));
        b.alias(node.childText("NAME_ORIGINAL_SCRIPT"));
        for (XmlNode a : node.children(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            b.alias(a.childText("ALIAS_NAME"), "low".equalsIgnoreCase(a.childText("QUALITY")));
            // an alias may come with the birth date used under it
            b.birthDate(Dates.partial(a.childText("DATE_OF_BIRTH")));
        }
        for (XmlNode v : node.path("NATIONALITY", "VALUE")) {
            b.country(country(v.text()));
        }
        for (XmlNode a : node.children(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String address = join(a, ADDRESS_PARTS);
            // the note says when or how sure ("as of June 2016"), except where the whole address is in it
            b.address(address.isEmpty() ? a.childText("NOTE") : address);
            b.country(country(a.childText("COUNTRY")));
        }
        for (XmlNode d : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
            birthDates(b, d);
        }
        for (XmlNode d : node.children("INDIVIDUAL_DOCUMENT")) {
            String type = d.childText("TYPE_OF_DOCUMENT");
            String detail = d.childText("TYPE_OF_DOCUMENT2");
            if (detail != null && !detail.equalsIgnoreCase(type)) {
                type = type == null ? detail : type + " (" + detail + ")";
            }
            String issuer = d.childText("ISSUING_COUNTRY") != null ? d.childText("ISSUING_COUNTRY") : d.childText("COUNTRY_OF_ISSUE");
            b.identifier(type, d.childText("NUMBER"), country(issuer));
        }
        return b.build();
    }

    private static String name(XmlNode node) {
        List<String> parts = new ArrayList<>();
        for (String p : NAME_PARTS) {
            String v = node.childText(p);
            if (v != null) {
                parts.add(v);
            }
        }
        return String.join(" ", parts);
    }

    private static void birthDates(ListEntry.Builder b, XmlNode d) {
        String date = d.childText("DATE");
        String year = d.childText("YEAR");
        String from = d.childText("FROM_YEAR");
        String to = d.childText("TO_YEAR");
        if (date != null) {
            b.birthDate(Dates.partial(date));
        } else if (year != null) {
            b.birthDate(Dates.partial(year));
        } else if (from != null && to != null && from.matches("\\d{4}") && to.matches("\\d{4}")) {
            // "between 1973 and 1974": every year in the range is a birth year to match on
            int a = Integer.parseInt(from);
            int z = Integer.parseInt(to);
            if (z >= a && z - a <= MAX_YEARS_SPELLED_OUT) {
                for (int y = a; y <= z; y++) {
                    b.birthDate(Integer.toString(y));
                }
            } else {
                b.birthDate(from);
                b.birthDate(to);
            }
        } else {
            // some dates are only written out in the note, e.g. "August 1961"
            b.birthDate(Dates.partial(d.childText("NOTE")));
        }
    }

    private static LocalDate date(String where, String field, String text) {
        if (text == null) {
            return null;
        }
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw new ListFormatException(where, field + " \"" + text + "\" is not a date; expected YYYY-MM-DD");
        }
        return d;
    }

    /**
     * The UN writes countries by name; two-letter values are not codes there ("na" means not
     * available, not Namibia).
     */
    private static String country(String name) {
        if (name == null || name.strip().length() <= 2) {
            return null;
        }
        return Countries.code(name);
    }

    private static String join(XmlNode node, List<String> parts) {
        List<String> values = new ArrayList<>();
        for (String p : parts) {
            String v = node.childText(p);
            if (v != null && !values.contains(v)) {
                values.add(v);
            }
        }
        return String.join(", ", values);
    }

}
