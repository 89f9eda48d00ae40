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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UK Sanctions List XML published by the FCDO ({@code UK-Sanctions-List.xml}), the single UK
 * list since OFSI's consolidated list closed on 28 January 2026: root {@code Designations}, one
 * {@code Designation} per listed party.
 *
 * <p>Names come in parts: {@code Name6} is the family or entity name, {@code Name1} to
 * {@code Name5} the given names, written in that order. The first "Primary Name" is the entry's
 * name; primary name variations, aliases and non-Latin-script names are aliases, and an alias
 * whose {@code AliasStrength} is low quality (or weak) is weak. Individuals are
 * {@link Schema#PERSON}s, entities {@link Schema#ORGANIZATION}s, ships {@link Schema#VESSEL}s.
 *
 * <p>Dates are day first ({@code 25/01/2001}), unlike the US month-first slashes that
 * {@link Dates#parse} assumes, so this reader parses them itself. Birth dates write unknown parts
 * as {@code dd} and {@code mm} ({@code dd/mm/1945}) and are kept as partial dates.
 */
public final class UkXmlReader implements ListReader {
    public static final String LIST_KEY = "gb_fcdo";
    static final String SOURCE_URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list";
    private static final String ROOT = "Designations";
    private static final String WHAT = "UK Sanctions List (FCDO XML)";
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PARTIAL_DAY_FIRST = Pattern.compile("(\\d{1,2}|dd)/(\\d{1,2}|mm)/(\\d{4})",
            Pattern.CASE_INSENSITIVE);

    @Override
    public ListFormat format() {
        return ListFormat.UK_XML;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        Xml.RootTag root = Xml.rootTag(source.single());
        return root != null && root.localName().equals(ROOT);
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        long n = XmlEntries.read(file, ROOT, null, WHAT, Set.of("Designation"), node -> sink.accept(entry(file, node)));
        return new ReadSummary(LIST_KEY, n);
    }

    private static ListEntry entry(ListFile file, XmlNode node) {
        String where = XmlEntries.where(file, node);
        String id = node.childText("UniqueID");
        if (id == null) {
            throw new ListFormatException(where, "Designation has no UniqueID; every designation has one (e.g. RUS0001)");
        }
        where = where + " (UniqueID " + id + ")";
        Schema schema = schema(where, node.childText("IndividualEntityShip"));
        ListEntry.Builder b = ListEntry.builder(LIST_KEY, id)
                .schema(schema)
                .category(ListCategory.SANCTIONS)
                .program(node.childText("RegimeName"))
                .listedOn(date(where, "DateDesignated", node.childText("DateDesignated")))
                .remarks(node.childText("OtherInformation"))
                .remarks(node.childText("UKStatementofReasons"))
                .sourceUrl(SOURCE_URL);
        names(b, node);
        if (!b.hasName()) {
            throw new ListFormatException(where, "Designation has no name; expected Names/Name with Name1 to Name6 "
                    + "and NameType \"Primary Name\"");
        }
        b.identifier("UN reference number", node.childText("UNReferenceNumber"), null);
        b.identifier("OFSI group ID", node.childText("OFSIGroupID"), null);
        for (XmlNode a : node.path("Addresses", "Address")) {
            List<String> parts = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                add(parts, a.childText("AddressLine" + i));
            }
            add(parts, a.childText("AddressPostalCode"));
            add(parts, a.childText("AddressCountry"));
            b.address(String.join(", ", parts));
            b.country(Countries.code(a.childText("AddressCountry")));
        }
        for (XmlNode individual : node.path("IndividualDetails", "Individual")) {
            individual(b, individual);
        }
        for (XmlNode entity : node.path("EntityDetails", "Entity")) {
            texts(entity, "BusinessRegistrationNumbers", "BusinessRegistrationNumber")
                    .forEach(v -> b.identifier("Business registration number", v, null));
            texts(entity, "ParentCompanies", "ParentCompany").forEach(p -> b.owner(p, null));
        }
        for (XmlNode ship : node.path("ShipDetails", "Ship")) {
            texts(ship, "IMONumbers", "IMONumber").forEach(v -> b.identifier("IMO number", v, null));
            texts(ship, "CurrentOwnerOperators", "CurrentOwnerOperator").forEach(o -> b.owner(o, null));
            texts(ship, "CurrentBelievedFlagOfShips", "CurrentBelievedFlagOfShip").forEach(f -> b.country(Countries.code(f)));
        }
        return b.build();
    }

    private static Schema schema(String where, String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.ORGANIZATION;
            case "ship" -> Schema.VESSEL;
            default -> throw new ListFormatException(where, "IndividualEntityShip is "
                    + (type == null ? "missing" : "\"" + type + "\"") + "; expected Individual, Entity or Ship");
        };
    }

    private static void names(ListEntry.Builder b, XmlNode node) {
        for (XmlNode n : node.path("Names", "Name")) {
            String name = joinName(n);
            String type = String.valueOf(n.childText("NameType")).toLowerCase(Locale.ROOT);
            if (type.equals("primary name") && !b.hasName()) {
                b.name(name);
            } else {
                String strength = String.valueOf(n.childText("AliasStrength")).toLowerCase(Locale.ROOT);
                b.alias(name, strength.contains("low") || strength.contains("weak"));
            }
        }
        for (XmlNode n : node.path("NonLatinNames", "NonLatinName")) {
            b.alias(n.childText("NameNonLatinScript"));
        }
    }

    /** Name1 to Name5 (given names) then Name6 (family or entity name), as the UK writes them. */
    private static String joinName(XmlNode name) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            add(parts, name.childText("Name" + i));
        }
        return String.join(" ", parts);
    }

    private static void individual(ListEntry.Builder b, XmlNode individual) {
        for (String dob : texts(individual, "DOBs", "DOB")) {
            b.birthDate(birthDate(dob));
        }
        for (String nationality : texts(individual, "Nationalities", "Nationality")) {
            b.country(Countries.code(nationality));
        }
        for (XmlNode p : individual.path("PassportDetails", "Passport")) {
            b.identifier("Passport", p.childText("PassportNumber"), null);
        }
        for (XmlNode id : individual.path("NationalIdentifierDetails", "NationalIdentifier")) {
            b.identifier("National identifier", id.childText("NationalIdentifierNumber"), null);
        }
    }

    /** A full or partial day-first date ({@code 12/03/1980}, {@code dd/03/1980}, {@code dd/mm/1945}) as ISO. */
    private static String birthDate(String text) {
        Matcher m = PARTIAL_DAY_FIRST.matcher(text.strip());
        if (!m.matches()) {
            return Dates.partial(text);
        }
        String year = m.group(3);
        int month = m.group(2).equalsIgnoreCase("mm") ? 0 : Integer.parseInt(m.group(2));
        int day = m.group(1).equalsIgnoreCase("dd") ? 0 : Integer.parseInt(m.group(1));
        if (month < 1 || month > 12) {
            return year;
        }
        String ym = year + "-" + (month < 10 ? "0" : "") + month;
        if (day < 1) {
            return ym;
        }
        try {
            return LocalDate.parse(text.strip(), DAY_FIRST).toString();
        } catch (DateTimeParseException e) {
            return ym;
        }
    }

    private static LocalDate date(String where, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DAY_FIRST);
        } catch (DateTimeParseException e) {
            throw new ListFormatException(where, field + " \"" + text + "\" is not a date; expected DD/MM/YYYY");
        }
    }

    private static List<String> texts(XmlNode node, String list, String item) {
        List<String> out = new ArrayList<>();
        for (XmlNode n : node.path(list, item)) {
            add(out, n.text());
        }
        return out;
    }

    private static void add(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }
}
