package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.FileSetReader;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.CsvInput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * OFAC's legacy CSV: the SDN list as {@code sdn.csv} with {@code add.csv}, {@code alt.csv} and
 * {@code sdn_comments.csv} (list {@code us_ofac_sdn}), the non-SDN consolidated list as
 * {@code cons_prim.csv} with {@code cons_add.csv}, {@code cons_alt.csv} and
 * {@code cons_comments.csv} ({@code us_ofac_cons}).
 *
 * <p>The files have no header, are Windows-1252, write null as {@code -0-} (with a trailing
 * space), and end with a Ctrl-Z (0x1A) line. Every companion row is keyed by ent_num; the
 * companions are read first into side tables, then the main file streams one entry per row.
 * A companion row whose ent_num is not in the main file is an error: OFAC publishes the files
 * together, and none of the published sets has such a row.
 */
public final class OfacCsvReader implements FileSetReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;
    private static final String END_OF_FILE_MARK = "\u001A";

    private static final String[] MAIN_COLUMNS = {"ent_num", "SDN_Name", "SDN_Type", "Program", "Title",
            "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"};
    private static final String[] ADDRESS_COLUMNS = {"ent_num", "Add_num", "Address", "City/State/Province/Postal Code",
            "Country", "Add_remarks"};
    private static final String[] ALIAS_COLUMNS = {"ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"};
    private static final String[] COMMENT_COLUMNS = {"ent_num", "Remarks continued"};
    /** The remarks are cut mid-text into the comments file, sometimes beside a space: their text is kept untrimmed. */
    private static final int MAIN_REMARKS = 11;
    private static final int COMMENT_TEXT = 1;

    /** The files of one list, by base name: the main file and its companions. */
    private record Layout(String listKey, String main, String addresses, String aliases, String comments) {
        List<String> companions() {
            return List.of(addresses, aliases, comments);
        }
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout(Ofac.SDN, "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"),
            new Layout(Ofac.CONSOLIDATED, "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"));

    /** One row of a companion file; values are null where the file says {@code -0-}. */
    private record Row(String location, String[] values) {
    }

    @Override
    public ListFormat format() {
        return ListFormat.OFAC_CSV;
    }

    /** In each folder (of a directory or archive), a main file claims the companions beside it. */
    @Override
    public List<List<ListFile>> claim(List<ListFile> files) {
        Map<String, List<ListFile>> byFolder = new LinkedHashMap<>();
        for (ListFile f : files) {
            String folder = f.location().substring(0, f.location().length() - f.name().length());
            byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(f);
        }
        List<List<ListFile>> sets = new ArrayList<>();
        for (List<ListFile> folder : byFolder.values()) {
            for (Layout layout : LAYOUTS) {
                named(folder, layout.main()).ifPresent(main -> {
                    List<ListFile> set = new ArrayList<>();
                    set.add(main);
                    for (String companion : layout.companions()) {
                        named(folder, companion).ifPresent(set::add);
                    }
                    sets.add(set);
                });
            }
        }
        return sets;
    }

    /** A main file by name whose first byte, if any, starts an ent_num (the files have no header row). */
    @Override
    public boolean recognises(ListSource source) throws IOException {
        for (Layout layout : LAYOUTS) {
            Optional<ListFile> main = source.file(layout.main());
            if (main.isPresent()) {
                byte[] head = main.get().head(1);
                return head.length == 0 || Character.isDigit(head[0]);
            }
        }
        return false;
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        Layout layout = LAYOUTS.stream().filter(l -> source.file(l.main()).isPresent()).findFirst()
                .orElseThrow(() -> new ListFormatException(source.describe(),
                        "no sdn.csv or cons_prim.csv; OFAC's legacy CSV is read from its main file"));
        ListFile main = source.file(layout.main()).orElseThrow();
        if (main.head(1).length == 0) {
            throw new ListFormatException(main.location(), "empty file; expected OFAC " + layout.main()
                    + " rows of " + MAIN_COLUMNS.length + " fields (" + String.join(", ", MAIN_COLUMNS) + ")");
        }
        Map<Long, List<Row>> comments = sideTable(source, layout.comments(), COMMENT_COLUMNS, COMMENT_TEXT);
        Map<Long, List<Row>> aliases = sideTable(source, layout.aliases(), ALIAS_COLUMNS, -1);
        Map<Long, List<Row>> addresses = sideTable(source, layout.addresses(), ADDRESS_COLUMNS, -1);

        Map<Long, String> seen = new HashMap<>();
        long[] count = {0};
        forEachRow(main, MAIN_COLUMNS, MAIN_REMARKS, (id, v, location) -> {
            String first = seen.putIfAbsent(id, location);
            if (first != null) {
                throw new ListFormatException(location, "ent_num " + id + " appears again (first at " + first
                        + "); each entry has one row");
            }
            sink.accept(entry(layout, id, v, location, comments.remove(id), aliases.remove(id), addresses.remove(id)));
            count[0]++;
        });
        rejectOrphans(comments, layout);
        rejectOrphans(aliases, layout);
        rejectOrphans(addresses, layout);
        return new ReadSummary(layout.listKey(), count[0]);
    }

    private static ListEntry entry(Layout layout, long id, String[] v, String location,
                                   List<Row> comments, List<Row> aliases, List<Row> addresses) {
        String sourceId = Long.toString(id);
        if (v[1] == null) {
            throw new ListFormatException(location, "SDN_Name is empty; every entry has a name");
        }
        Schema schema = v[2] == null ? Schema.LEGAL_ENTITY : Ofac.schema(v[2]);
        if (schema == null) {
            throw new ListFormatException(location, "SDN_Type \"" + v[2]
                    + "\"; expected individual, vessel, aircraft or -0- (an entity)");
        }
        ListEntry.Builder b = ListEntry.builder(layout.listKey(), sourceId).schema(schema)
                .category(ListCategory.SANCTIONS).name(v[1]).sourceUrl(Ofac.sourceUrl(sourceId));
        programs(v[3]).forEach(b::program);
        b.identifier("Call Sign", v[5], null);
        b.country(Countries.code(v[9]));
        b.owner(v[10], null);

        StringBuilder remarks = new StringBuilder(v[MAIN_REMARKS] == null ? "" : v[MAIN_REMARKS]);
        for (Row c : comments == null ? List.<Row>of() : comments) {
            // OFAC cuts Remarks at 1,000 characters and carries on, mid-word, in the comments file
            remarks.append(c.values()[COMMENT_TEXT] == null ? "" : c.values()[COMMENT_TEXT]);
        }
        b.remarks(remarks.toString());
        OfacRemarks.apply(remarks.toString(), b);
        StringJoiner notes = new StringJoiner("; ");
        Ofac.addLabelled(notes, "Title", v[4]);
        String vessel = Ofac.vesselDetails(v[6], v[9], v[7], v[8]);
        if (vessel != null) {
            notes.add(vessel);
        }

        for (Row a : aliases == null ? List.<Row>of() : aliases) {
            String[] av = a.values();
            if (av[3] == null) {
                throw new ListFormatException(a.location(), "alt_name is empty; an alias row names the alias");
            }
            b.alias(av[3], false);
            if (av[4] != null) {
                notes.add((av[2] == null ? "alias" : av[2]) + " " + av[3] + ": " + av[4]);
            }
        }
        b.remarks(notes.toString());
        for (Row a : addresses == null ? List.<Row>of() : addresses) {
            address(a.values(), b);
        }
        return b.build();
    }

    /**
     * Adds the address's country and, when it says more than the country, the address as one
     * line. A country column that names no country ("Region: Kafia Kingi") stays in the line.
     */
    private static void address(String[] v, ListEntry.Builder b) {
        String country = Countries.code(v[4]);
        b.country(country);
        StringJoiner line = new StringJoiner(", ");
        for (int i = 2; i <= 3; i++) {
            if (v[i] != null) {
                line.add(v[i]);
            }
        }
        if (line.length() == 0 && country != null && v[5] == null) {
            return;
        }
        if (v[4] != null) {
            line.add(v[4]);
        }
        String text = line.toString();
        if (v[5] != null) {
            text = text.isEmpty() ? v[5] : text + " (" + v[5] + ")";
        }
        b.address(text);
    }

    /** "SDGT] [IRGC" holds two programmes: OFAC writes the list bracketed, without the outer brackets. */
    private static List<String> programs(String field) {
        if (field == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String p : field.split("\\]\\s*\\[")) {
            String s = p.replace("[", "").replace("]", "").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static Map<Long, List<Row>> sideTable(ListSource source, String name, String[] columns, int untrimmed)
            throws IOException {
        Map<Long, List<Row>> table = new LinkedHashMap<>();
        Optional<ListFile> file = source.file(name);
        if (file.isPresent()) {
            forEachRow(file.get(), columns, untrimmed,
                    (id, v, location) -> table.computeIfAbsent(id, k -> new ArrayList<>()).add(new Row(location, v)));
        }
        return table;
    }

    /** Rows left in a side table once the main file is read belong to no entry. */
    private static void rejectOrphans(Map<Long, List<Row>> table, Layout layout) {
        if (!table.isEmpty()) {
            Map.Entry<Long, List<Row>> first = table.entrySet().iterator().next();
            throw new ListFormatException(first.getValue().get(0).location(), "ent_num " + first.getKey()
                    + " has no row in " + layout.main() + "; every row of the companion files belongs to an entry of "
                    + layout.main());
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(long entNum, String[] values, String location);
    }

    /**
     * Every row, checked for its column count and ent_num, with {@code -0-} turned to null and
     * every value but the {@code untrimmed} column (-1 for none) trimmed.
     */
    private static void forEachRow(ListFile file, String[] columns, int untrimmed, RowHandler handler) throws IOException {
        boolean[] ended = {false};
        CsvInput.forEach(file, WINDOWS_1252, FORMAT, (CSVRecord record, String location) -> {
            if (record.size() == 1 && record.get(0).strip().equals(END_OF_FILE_MARK)) {
                ended[0] = true;
                return;
            }
            if (ended[0]) {
                throw new ListFormatException(location, "row after the end-of-file mark (Ctrl-Z); "
                        + "the mark ends an OFAC file");
            }
            if (record.size() != columns.length) {
                throw new ListFormatException(location, record.size() + " fields; expected " + columns.length
                        + " (" + String.join(", ", columns) + ")");
            }
            String[] values = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String v = value(record.get(i));
                values[i] = v != null && i == untrimmed ? record.get(i) : v;
            }
            handler.handle(entNum(values[0], location), values, location);
        });
    }

    private static long entNum(String value, String location) {
        if (value != null && !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        throw new ListFormatException(location, "ent_num \"" + (value == null ? "-0-" : value)
                + "\" is not a number; the first field of every row is the entry's number");
    }

    /**
     * The field trimmed, or null for OFAC's null mark {@code -0-}. The 2019 files end with the
     * mark cut to {@code -0}, which is taken as null too: no published value is "-0".
     */
    private static String value(String field) {
        String s = field.strip();
        if (s.isEmpty() || s.equals("-0-") || s.equals("-0")) {
            return null;
        }
        return s;
    }

    private static Optional<ListFile> named(List<ListFile> files, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return files.stream().filter(f -> f.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }
}
