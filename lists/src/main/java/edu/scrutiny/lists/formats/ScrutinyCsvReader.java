package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.CsvInput;
import edu.scrutiny.lists.internal.TextInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scrutiny CSV: our own format for lists published only as PDF or web pages (DoD Section 1286
 * and 1260H, the FCC Covered List, Section 889, Canada's Named Research Organizations) and for
 * an institution's own watchlist.
 *
 * <p>UTF-8, comma-separated, quoted as RFC 4180, with a header row of exactly these columns in
 * this order: {@value #HEADER}. {@code aliases}, {@code country} and {@code programs} hold several
 * values separated by {@code ;}. Dates are {@code YYYY-MM-DD}. {@code parent} names the owner or
 * parent by name and {@code ownership} is its share in percent, when known. {@code id} and
 * {@code name} are required and ids are unique; an empty {@code schema} means LegalEntity.
 *
 * <p>The list key is the file's base name ({@code us_dod_1286.csv} → {@code us_dod_1286}). The
 * category is not in the file: it is chosen when the list is imported (watchlist by default).
 */
public final class ScrutinyCsvReader implements ListReader {
    public static final String HEADER = "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks";
    static final List<String> COLUMNS = List.of(HEADER.split(","));

    @Override
    public ListFormat format() {
        return ListFormat.SCRUTINY_CSV;
    }

    /**
     * A CSV file whose header starts with {@code id,name}: that is enough to say the user meant
     * Scrutiny CSV, so that a wrong column further on is reported precisely instead of "not a list".
     */
    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1 || !source.single().name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        String first = TextInput.headText(source.single(), 4096).lines().findFirst().orElse("");
        String[] cells = first.split(",", -1);
        return cells.length >= 2 && unquote(cells[0]).equals("id") && unquote(cells[1]).equals("name");
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        String listKey = listKey(file.name());
        Map<String, String> seenIds = new HashMap<>();
        long[] count = {0};
        boolean[] headerSeen = {false};
        CsvInput.forEach(file, StandardCharsets.UTF_8, CSVFormat.RFC4180, (record, where) -> {
            if (!headerSeen[0]) {
                checkHeader(record, where);
                headerSeen[0] = true;
                return;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                return; // a blank line, e.g. at the end of a hand-edited file
            }
            ListEntry e = entry(listKey, record, where);
            String earlier = seenIds.putIfAbsent(e.sourceId(), where);
            if (earlier != null) {
                throw new ListFormatException(where, "id '" + e.sourceId() + "' is already used at " + earlier
                        + "; ids must be unique within a list");
            }
            sink.accept(e);
            count[0]++;
        });
        if (!headerSeen[0]) {
            throw new ListFormatException(file.location(), "empty file; expected the header " + HEADER);
        }
        return new ReadSummary(listKey, count[0]);
    }

    /** The list key for a file name: the base name without {@code .csv}. */
    static String listKey(String fileName) {
        String n = fileName;
        if (n.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    private static void checkHeader(CSVRecord record, String where) {
        for (int i = 0; i < Math.max(record.size(), COLUMNS.size()); i++) {
            String found = i < record.size() ? record.get(i).strip() : null;
            String expected = i < COLUMNS.size() ? COLUMNS.get(i) : null;
            if (i == 0 && found != null && found.startsWith("\uFEFF")) {
                found = found.substring(1);
            }
            if (expected == null) {
                throw new ListFormatException(where, "header has an extra column " + (i + 1) + " '" + found
                        + "'; a Scrutiny CSV header is exactly " + HEADER);
            }
            if (found == null) {
                throw new ListFormatException(where, "header lacks column " + (i + 1) + " '" + expected
                        + "'; a Scrutiny CSV header is exactly " + HEADER);
            }
            if (!found.equals(expected)) {
                throw new ListFormatException(where, "header column " + (i + 1) + " is '" + found + "', expected '"
                        + expected + "'; a Scrutiny CSV header is exactly " + HEADER);
            }
        }
    }

    private static ListEntry entry(String listKey, CSVRecord r, String where) {
        if (r.size() != COLUMNS.size()) {
            throw new ListFormatException(where, "has " + r.size() + " fields, expected " + COLUMNS.size()
                    + " (" + HEADER + "); quote fields that contain commas");
        }
        String id = r.get(0).strip();
        if (id.isEmpty()) {
            throw new ListFormatException(where, "column 'id' is empty; every entry needs an id unique in the list");
        }
        String name = r.get(1).strip();
        if (name.isEmpty()) {
            throw new ListFormatException(where, "column 'name' is empty; every entry needs a name");
        }
        ListEntry.Builder b = ListEntry.builder(listKey, id).name(name).schema(schema(r.get(3), where));
        split(r.get(2)).forEach(b::alias);
        for (String c : split(r.get(4))) {
            if (!Countries.isCode(c)) {
                throw new ListFormatException(where, "column 'country' holds '" + c
                        + "', expected ISO 3166-1 alpha-2 codes separated by ';' (e.g. CN;HK)");
            }
            b.country(c);
        }
        split(r.get(5)).forEach(b::program);
        LocalDate listed = date(r.get(6), "listed_on", where);
        LocalDate delisted = date(r.get(7), "delisted_on", where);
        if (listed != null && delisted != null && delisted.isBefore(listed)) {
            throw new ListFormatException(where, "delisted_on " + delisted + " is before listed_on " + listed);
        }
        b.listedOn(listed).delistedOn(delisted);
        String parent = r.get(8).strip();
        String ownership = r.get(9).strip();
        if (!ownership.isEmpty() && parent.isEmpty()) {
            throw new ListFormatException(where, "column 'ownership' is set but 'parent' is empty; ownership is the parent's share");
        }
        if (!parent.isEmpty()) {
            b.owner(parent, share(ownership, where));
        }
        b.sourceUrl(r.get(10)).remarks(r.get(11));
        return b.build();
    }

    private static Schema schema(String value, String where) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Schema.LEGAL_ENTITY;
        }
        for (Schema s : Schema.values()) {
            if (s.ftmName().equalsIgnoreCase(v)) {
                return s;
            }
        }
        throw new ListFormatException(where, "column 'schema' is '" + v
                + "', expected one of Person, Organization, Company, LegalEntity, Vessel, Airplane (or empty)");
    }

    private static LocalDate date(String value, String column, String where) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ListFormatException(where, "column '" + column + "' is '" + v + "', expected a date as YYYY-MM-DD");
        }
    }

    private static Double share(String value, String where) {
        if (value.isEmpty()) {
            return null;
        }
        String v = value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || d > 100 || Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ListFormatException(where, "column 'ownership' is '" + value
                    + "', expected the parent's share as a number of percent from 0 to 100");
        }
    }

    private static List<String> split(String value) {
        return java.util.Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        if (c.startsWith("\uFEFF")) {
            c = c.substring(1);
        }
        if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
            c = c.substring(1, c.length() - 1);
        }
        return c;
    }
}
