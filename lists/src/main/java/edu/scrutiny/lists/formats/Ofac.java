package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Dates;
import edu.scrutiny.lists.internal.TextInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What OFAC's three formats share: list keys, entry types, date-of-birth wording, identifier labels. */
final class Ofac {
    static final String SDN = "us_ofac_sdn";
    static final String CONSOLIDATED = "us_ofac_cons";

    /**
     * The labels OFAC gives identifying numbers (in CSV remarks, XML {@code idType} and enhanced-XML
     * features). Other labelled items (Gender, Website, Email Address, sanctions information...)
     * describe the party without identifying it and stay in the remarks.
     */
    static final Set<String> IDENTIFIER_TYPES = Set.of(
            "Passport", "Diplomatic Passport", "National ID No.", "Cedula No.", "NIT #", "Tax ID No.",
            "Registration ID", "Registration Number", "C.U.R.P.", "R.F.C.", "RFC", "Government Gazette Number",
            "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "ISIN", "RUC #",
            "Folio Mercantil No.", "Identification Number", "Company Number", "Matricula Mercantil No",
            "Commercial Registry Number", "Unified Social Credit Code (USCC)", "MMSI", "D.N.I.", "D-U-N-S Number",
            "C.R. No.", "Business Registration Number", "Business Registration Document #", "V.A.T. Number",
            "SWIFT/BIC", "Trade License No.", "Electoral Registry No.", "Legal Entity Number",
            "Public Registration Number", "Driver's License No.", "Italian Fiscal Code", "BIK (RU)", "SSN",
            "Chamber of Commerce Number", "UK Company Number", "US FEIN", "National Foreign ID Number",
            "Personal ID Card", "Birth Certificate Number", "C.U.I.T.", "Residency Number",
            "Vessel Registration Identification", "Call Sign", "Vessel Call Sign");

    /** A date-of-birth range wider than this says too little to screen on; it stays in the remarks. */
    private static final int MAX_BIRTH_YEAR_SPAN = 10;
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{4})");
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<(?![?!])(?:[\\w.-]+:)?([\\w.-]+)");

    private Ofac() {
    }

    /** The public page OFAC gives every listed entry, SDN or not. */
    static String sourceUrl(String id) {
        return "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + id;
    }

    /**
     * The schema for OFAC's entry type (SDN_Type, sdnType, entityType). OFAC's "entity" covers
     * companies, organisations, groups and government bodies alike, so it is a LegalEntity (as in
     * FollowTheMoney), not a Company or Organization. Null for a type OFAC does not use.
     */
    static Schema schema(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.LEGAL_ENTITY;
            case "vessel" -> Schema.VESSEL;
            case "aircraft" -> Schema.AIRPLANE;
            default -> null;
        };
    }

    /**
     * Dates of birth as OFAC writes them: {@code 12 Jan 1958}, {@code Jan 1958}, {@code 1958},
     * {@code circa 1958}, and ranges ({@code 1957 to 1959}, {@code 01 Jan 1961 to 31 Dec 1963},
     * {@code circa 1979-1982}), which give every year they span. Empty when the text is none of these.
     */
    static List<String> birthDates(String text) {
        if (text == null) {
            return List.of();
        }
        String s = text.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("circa ")) {
            s = s.substring("circa ".length()).strip();
        }
        int to = s.indexOf(" to ");
        if (to > 0) {
            return yearRange(Dates.partial(s.substring(0, to)), Dates.partial(s.substring(to + 4)));
        }
        Matcher range = YEAR_RANGE.matcher(s);
        if (range.matches()) {
            return yearRange(range.group(1), range.group(2));
        }
        String d = Dates.partial(s);
        return d == null ? List.of() : List.of(d);
    }

    /** Every year from the first date's to the last's, or empty when either is missing or the span is too wide. */
    static List<String> yearRange(String from, String to) {
        if (from == null || to == null) {
            return List.of();
        }
        int first = Integer.parseInt(from.substring(0, 4));
        int last = Integer.parseInt(to.substring(0, 4));
        if (first == last && from.equals(to)) {
            return List.of(from);
        }
        if (last < first || last - first > MAX_BIRTH_YEAR_SPAN) {
            return List.of();
        }
        List<String> years = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            years.add(Integer.toString(y));
        }
        return years;
    }

    /** A vessel's details that have no field of their own, as one remark; null when there are none. */
    static String vesselDetails(String type, String flag, String tonnage, String grossTonnage) {
        StringJoiner j = new StringJoiner("; ");
        j.setEmptyValue("");
        addLabelled(j, "Vessel type", type);
        addLabelled(j, "Flag", flag);
        addLabelled(j, "Tonnage", tonnage);
        addLabelled(j, "Gross registered tonnage", grossTonnage);
        return j.length() == 0 ? null : j.toString();
    }

    static void addLabelled(StringJoiner j, String label, String value) {
        if (value != null && !value.isBlank()) {
            j.add(label + ": " + value.strip());
        }
    }

    /**
     * The local name of the document element, judged from the first bytes (after the prolog,
     * comments and any DOCTYPE), or null when the head holds none.
     */
    static String rootElement(ListFile file) throws IOException {
        String head = stripComments(TextInput.headText(file, 4096));
        Matcher m = FIRST_ELEMENT.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)<!--.*?-->", "");
    }
}
