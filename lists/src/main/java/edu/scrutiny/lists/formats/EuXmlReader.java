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
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The EU consolidated financial sanctions list in the Financial Sanctions Files' XML
 * ({@code xmlFullSanctionsList_1_1}): root {@code export} in namespace
 * {@value #NAMESPACE}, one {@code sanctionEntity} per listed party, its data in attributes.
 *
 * <p>The first strong {@code nameAlias} is the primary name and every other name an alias;
 * {@code strong="false"} marks the weak ones. {@code subjectType} {@code person} is a
 * {@link Schema#PERSON}, {@code enterprise} an {@link Schema#ORGANIZATION} (the EU's enterprises
 * are groups and bodies as well as companies). The listing date is the earliest date the entry
 * shows: its {@code designationDate} where given, and each regulation's publication date (or, where
 * that is missing, its entry into force); the source URL is the publication of that earliest act.
 * The EU reference and UN reference numbers are kept as identifiers.
 */
public final class EuXmlReader implements ListReader {
    public static final String LIST_KEY = "eu_fsf";
    static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";
    private static final String ROOT = "export";
    private static final String WHAT = "EU financial sanctions file (FSF XML)";
    private static final List<String> ADDRESS_PARTS = List.of("street", "poBox", "place", "city", "zipCode", "region");

    @Override
    public ListFormat format() {
        return ListFormat.EU_XML;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        Xml.RootTag root = Xml.rootTag(source.single());
        return root != null && root.localName().equals(ROOT) && root.declares(NAMESPACE);
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        long n = XmlEntries.read(file, ROOT, NAMESPACE, WHAT, Set.of("sanctionEntity"),
                node -> sink.accept(entry(file, node)));
        return new ReadSummary(LIST_KEY, n);
    }

    private static ListEntry entry(ListFile file, XmlNode node) {
        String where = XmlEntries.where(file, node);
        String id = blankToNull(node.attr("logicalId"));
        if (id == null) {
            throw new ListFormatException(where, "sanctionEntity has no logicalId attribute; every FSF entry has one");
        }
        ListEntry.Builder b = ListEntry.builder(LIST_KEY, id)
                .schema(schema(where, node))
                .category(ListCategory.SANCTIONS);
        names(b, node);
        if (!b.hasName()) {
            throw new ListFormatException(where, "sanctionEntity " + id + " has no name; expected a nameAlias "
                    + "with a wholeName (or firstName/lastName)");
        }
        b.identifier("EU reference number", node.attr("euReferenceNumber"), null);
        b.identifier("UN reference number", node.attr("unitedNationId"), null);
        regulations(b, where, node);
        for (XmlNode r : node.children("remark")) {
            b.remarks(r.text());
        }
        b.remarks(node.attr("designationDetails"));
        for (XmlNode c : node.children("citizenship")) {
            b.country(country(c));
        }
        for (XmlNode a : node.children("address")) {
            List<String> parts = new ArrayList<>();
            for (String p : ADDRESS_PARTS) {
                add(parts, a.attr(p));
            }
            add(parts, countryName(a));
            b.address(String.join(", ", parts));
            b.country(country(a));
        }
        for (XmlNode d : node.children("birthdate")) {
            b.birthDate(birthDate(d));
        }
        for (XmlNode i : node.children("identification")) {
            String type = blankToNull(i.attr("identificationTypeDescription"));
            String number = blankToNull(i.attr("number"));
            b.identifier(type != null ? type : i.attr("identificationTypeCode"),
                    number != null ? number : i.attr("latinNumber"), country(i));
        }
        return b.build();
    }

    private static Schema schema(String where, XmlNode node) {
        XmlNode type = node.child("subjectType").orElseThrow(() -> new ListFormatException(where,
                "sanctionEntity has no subjectType; expected <subjectType code=\"person\"> or code=\"enterprise\""));
        String code = String.valueOf(type.attr("code")).toLowerCase(Locale.ROOT);
        String classification = String.valueOf(type.attr("classificationCode")).toUpperCase(Locale.ROOT);
        if (code.equals("person") || classification.equals("P")) {
            return Schema.PERSON;
        }
        if (code.equals("enterprise") || classification.equals("E")) {
            return Schema.ORGANIZATION;
        }
        throw new ListFormatException(where, "subjectType code \"" + type.attr("code")
                + "\" is not one Scrutiny knows; expected person (P) or enterprise (E)");
    }

    private static void names(ListEntry.Builder b, XmlNode node) {
        List<XmlNode> aliases = node.children("nameAlias");
        for (XmlNode a : aliases) {
            if (!"false".equalsIgnoreCase(a.attr("strong")) && !b.hasName()) {
                b.name(wholeName(a));
            }
        }
        for (XmlNode a : aliases) {
            b.alias(wholeName(a), "false".equalsIgnoreCase(a.attr("strong")));
        }
    }

    private static String wholeName(XmlNode alias) {
        String whole = blankToNull(alias.attr("wholeName"));
        if (whole != null) {
            return whole;
        }
        List<String> parts = new ArrayList<>();
        add(parts, alias.attr("firstName"));
        add(parts, alias.attr("middleName"));
        add(parts, alias.attr("lastName"));
        return String.join(" ", parts);
    }

    private static void regulations(ListEntry.Builder b, String where, XmlNode node) {
        XmlNode firstAct = null;
        LocalDate firstActDate = null;
        for (XmlNode r : node.children("regulation")) {
            b.program(r.attr("programme"));
            LocalDate d = actDate(where, r);
            if (firstAct == null || (d != null && (firstActDate == null || d.isBefore(firstActDate)))) {
                firstAct = r;
                firstActDate = d;
            }
        }
        LocalDate designated = date(where, "designationDate", node.attr("designationDate"));
        b.listedOn(designated != null && (firstActDate == null || designated.isBefore(firstActDate)) ? designated : firstActDate);
        if (firstAct != null) {
            // newer files give the URL as a child element, older ones as an attribute
            String url = firstAct.childText("publicationUrl");
            b.sourceUrl(url != null ? url : firstAct.attr("publicationUrl"));
        }
    }

    /** When a regulation was published, or where that is missing, when it came into force. */
    private static LocalDate actDate(String where, XmlNode regulation) {
        LocalDate published = date(where, "publicationDate", regulation.attr("publicationDate"));
        return published != null ? published : date(where, "entryIntoForceDate", regulation.attr("entryIntoForceDate"));
    }

    private static String birthDate(XmlNode d) {
        String full = Dates.partial(d.attr("birthdate"));
        if (full != null) {
            return full;
        }
        String year = blankToNull(d.attr("year"));
        if (year == null || !year.matches("\\d{4}")) {
            return null;
        }
        String month = blankToNull(d.attr("monthOfYear"));
        if (month == null || !month.matches("\\d{1,2}")) {
            return year;
        }
        String ym = year + "-" + (month.length() == 1 ? "0" + month : month);
        String day = blankToNull(d.attr("dayOfMonth"));
        return day == null || !day.matches("\\d{1,2}") ? ym : Dates.partial(ym + "-" + (day.length() == 1 ? "0" + day : day));
    }

    private static LocalDate date(String where, String attribute, String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        LocalDate d = Dates.parse(t);
        if (d == null) {
            throw new ListFormatException(where, attribute + " \"" + t + "\" is not a date; expected YYYY-MM-DD");
        }
        return d;
    }

    /** The code where it is a real one ("00" stands for unknown), else the country's name. */
    private static String country(XmlNode node) {
        String code = Countries.isCode(node.attr("countryIso2Code")) ? Countries.code(node.attr("countryIso2Code")) : null;
        return code != null ? code : Countries.code(countryName(node));
    }

    private static String countryName(XmlNode node) {
        String name = blankToNull(node.attr("countryDescription"));
        return name == null || name.equalsIgnoreCase("UNKNOWN") ? null : name;
    }

    private static void add(List<String> parts, String value) {
        String v = blankToNull(value);
        if (v != null) {
            parts.add(v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
