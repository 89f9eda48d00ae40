package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.Dates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The field mapping of the trade.gov Consolidated Screening List, shared by its CSV and JSON
 * readers: both give the same fields, and differ only in how a record holds them.
 *
 * <p>Decisions:
 * <ul>
 *   <li>sourceId is the CSL {@code _id} / {@code id}, else {@code entity_number}. Older rows of the
 *       non-Treasury lists have neither; their id is derived from the row: the sub-list's code in
 *       lower case, a dash and the first 16 hex digits of SHA-256 over {@code source|name|addresses}
 *       (e.g. {@code dpl-3f0c...}), stable as long as the publisher does not edit those fields.</li>
 *   <li>The sub-list ({@code source}) is kept as a programme, before the {@code programs} values, and
 *       decides the category by its code in parentheses; a code not known here gives no category
 *       (null), so that a new sub-list is still read.</li>
 *   <li>type {@code Individual} is a Person, {@code Vessel} a Vessel; {@code Entity} and an empty type
 *       are a LegalEntity, because the CSL calls companies, agencies, military units and (in the
 *       Denied Persons List, which gives no type) people alike by those, and LegalEntity is the
 *       schema that promises nothing more than a named party.</li>
 *   <li>Fields with no place of their own in the entry (title, Federal Register notice, licence
 *       requirement and policy, a non-standard order, places of birth, vessel details) go to the
 *       remarks, one labelled paragraph each, so that a reviewer sees them with the hit.</li>
 * </ul>
 */
final class CslMapping {
    static final String LIST_KEY = "us_trade_csl";

    private static final Pattern SOURCE_CODE = Pattern.compile("\\(([^)]+)\\)");
    private static final Map<String, ListCategory> CATEGORY_BY_CODE = Map.ofEntries(
            Map.entry("SDN", ListCategory.SANCTIONS),
            Map.entry("SSI", ListCategory.SANCTIONS),
            Map.entry("CMIC", ListCategory.SANCTIONS),
            Map.entry("FSE", ListCategory.SANCTIONS),
            Map.entry("NS-MBS", ListCategory.SANCTIONS),
            Map.entry("NS-ISA", ListCategory.SANCTIONS),
            Map.entry("PLC", ListCategory.SANCTIONS),
            Map.entry("CAP", ListCategory.SANCTIONS),
            Map.entry("ISN", ListCategory.SANCTIONS),
            Map.entry("DPL", ListCategory.DENIAL),
            Map.entry("DTC", ListCategory.DENIAL),
            Map.entry("EL", ListCategory.EXPORT_CONTROL),
            Map.entry("UVL", ListCategory.EXPORT_CONTROL),
            Map.entry("MEU", ListCategory.EXPORT_CONTROL));

    private CslMapping() {
    }

    /** One CSL record as a format holds it; values are trimmed, and null or empty when absent. */
    interface CslRecord {
        /** {@code _id} in the CSV, {@code id} in the JSON. */
        String id();

        String text(String field);

        /** A multi-valued field: {@code programs}, {@code alt_names}, {@code citizenships}... */
        List<String> values(String field);

        List<Address> addresses();

        /** Identifiers as given, untrimmed; the country a code or a name. */
        List<Identifier> ids();
    }

    /**
     * One address: the line as published (null when the publisher gives only a country) and the
     * country as given, a code or a name.
     */
    record Address(String line, String country) {
    }

    /** The entry of one record; {@code where} names the file and line or result, for errors. */
    static ListEntry entry(CslRecord r, String where) {
        String source = r.text("source");
        String name = r.text("name");
        if (name == null) {
            throw new ListFormatException(where, "no name; every Consolidated Screening List record names the listed party");
        }
        List<Address> addresses = r.addresses();
        ListEntry.Builder b = ListEntry.builder(LIST_KEY, sourceId(r, source, name, addresses))
                .name(name)
                .schema(Schema.fromFtm(r.text("type")).orElse(Schema.LEGAL_ENTITY))
                .category(category(source))
                .program(source)
                .listedOn(date(r.text("start_date"), "start_date", where))
                .delistedOn(date(r.text("end_date"), "end_date", where));
        r.values("programs").forEach(b::program);
        r.values("alt_names").forEach(b::alias);
        for (Address a : addresses) {
            b.address(a.line());
            b.country(Countries.code(a.country()));
        }
        r.values("citizenships").forEach(c -> b.country(Countries.code(c)));
        r.values("nationalities").forEach(c -> b.country(Countries.code(c)));
        b.country(Countries.code(r.text("vessel_flag")));
        for (String dob : r.values("dates_of_birth")) {
            String iso = Dates.partial(dob);
            if (iso == null) {
                b.remarks("Date of birth: " + dob);
            } else {
                b.birthDate(iso);
            }
        }
        r.ids().forEach(id -> b.identifier(id.type(), id.value(), Countries.code(id.country())));
        b.identifier("Call Sign", r.text("call_sign"), null);
        b.owner(r.text("vessel_owner"), null);
        b.remarks(r.text("remarks"));
        labelled(b, "Title", r.text("title"));
        labelled(b, "Place of birth", String.join("; ", r.values("places_of_birth")));
        labelled(b, "Federal Register notice", r.text("federal_register_notice"));
        labelled(b, "License requirement", r.text("license_requirement"));
        labelled(b, "License policy", r.text("license_policy"));
        String standardOrder = r.text("standard_order");
        if (standardOrder != null && !standardOrder.equalsIgnoreCase("Y")) {
            labelled(b, "Standard order", standardOrder);
        }
        labelled(b, "Vessel type", r.text("vessel_type"));
        labelled(b, "Gross tonnage", r.text("gross_tonnage"));
        labelled(b, "Gross registered tonnage", r.text("gross_registered_tonnage"));
        String informationUrl = r.text("source_information_url");
        b.sourceUrl(informationUrl != null ? informationUrl : r.text("source_list_url"));
        return b.build();
    }

    /** The category of a sub-list, by its code in parentheses; null for a sub-list not known here. */
    static ListCategory category(String source) {
        String code = sourceCode(source);
        return code == null ? null : CATEGORY_BY_CODE.get(code);
    }

    /** "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department" gives NS-MBS. */
    private static String sourceCode(String source) {
        if (source == null) {
            return null;
        }
        Matcher m = SOURCE_CODE.matcher(source);
        if (!m.find()) {
            return null;
        }
        String code = m.group(1).strip().toUpperCase(Locale.ROOT);
        return code.endsWith(" LIST") ? code.substring(0, code.length() - 5).strip() : code;
    }

    private static String sourceId(CslRecord r, String source, String name, List<Address> addresses) {
        if (r.id() != null) {
            return r.id();
        }
        String entityNumber = r.text("entity_number");
        if (entityNumber != null) {
            return entityNumber;
        }
        String code = sourceCode(source);
        String prefix = code == null ? "csl" : code.toLowerCase(Locale.ROOT);
        String lines = addresses.stream().map(a -> a.line() != null ? a.line() : a.country())
                .collect(Collectors.joining("; "));
        return prefix + "-" + sha256Prefix((source == null ? "" : source) + "|" + name + "|" + lines);
    }

    /** The first 16 hex digits of the SHA-256 of the text (UTF-8): ids derived from content. */
    static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static LocalDate date(String text, String field, String where) {
        if (text == null) {
            return null;
        }
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw new ListFormatException(where, field + " \"" + text + "\" is not a date; expected YYYY-MM-DD");
        }
        return d;
    }

    private static void labelled(ListEntry.Builder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.remarks(label + ": " + value.strip());
        }
    }
}
