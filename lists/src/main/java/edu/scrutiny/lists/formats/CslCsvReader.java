package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.CsvInput;
import edu.scrutiny.lists.internal.Dates;
import edu.scrutiny.lists.internal.TextInput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The trade.gov Consolidated Screening List as CSV (UTF-8), in its current 29-column layout
 * (first column {@code _id}) and its older 28-column one (no {@code _id}); recognised by the exact
 * header row. A data row that repeats the header (as some exports have) is passed over.
 *
 * <p>Multi-valued fields are separated by {@code ;}. An address ends with the country code
 * where the publisher knows it ({@code 31 Jinrong Street, Xicheng District, Beijing, 100033, CN}).
 * Identifiers are {@code type, number[, country][, issued][, expires]} in the current layout and
 * {@code [country, ]number, type} in the older one.
 *
 * <p>OFAC parties on several Treasury sub-lists (SSI and NS-MBS, SDN and PLC) appear once per
 * sub-list with the same {@code _id}; they are read as one entry per party (see
 * {@link MergedEntries}), so an entry's programmes name every sub-list it is on. The field mapping
 * is {@link CslMapping}'s.
 */
public final class CslCsvReader implements ListReader {

    private enum Layout {
        WITH_ID(true, "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
                + "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,"
                + "gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,"
                + "alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids"),
        WITHOUT_ID(false, "source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
                + "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,"
                + "gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,"
                + "alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids");

        final boolean typeFirstIds;
        final List<String> header;
        final Map<String, Integer> index = new HashMap<>();

        Layout(boolean typeFirstIds, String header) {
            this.typeFirstIds = typeFirstIds;
            this.header = List.of(header.split(","));
            for (int i = 0; i < this.header.size(); i++) {
                index.put(this.header.get(i), i);
            }
        }

        static Layout of(List<String> fields) {
            for (Layout l : values()) {
                if (l.header.equals(fields)) {
                    return l;
                }
            }
            return null;
        }
    }

    @Override
    public ListFormat format() {
        return ListFormat.CSL_CSV;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        String first = TextInput.headText(source.single(), 4096).lines().findFirst().orElse("");
        try (CSVParser p = CSVParser.parse(first, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = p.getRecords();
            return records.size() == 1 && Layout.of(records.get(0).toList()) != null;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        MergedEntries.Counts counts = MergedEntries.read(rows -> readRows(file, rows), sink, file.location());
        return new ReadSummary(CslMapping.LIST_KEY, counts.entries(), counts.rows());
    }

    private static void readRows(ListFile file, Consumer<ListEntry> rows) throws IOException {
        Layout[] layout = {null};
        CsvInput.forEach(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT, (record, where) -> {
            List<String> fields = record.toList();
            if (layout[0] == null) {
                layout[0] = Layout.of(fields);
                if (layout[0] == null) {
                    throw new ListFormatException(where, "not a Consolidated Screening List header; expected \""
                            + String.join(",", Layout.WITH_ID.header) + "\" (or the same without _id)");
                }
            } else if (!fields.equals(layout[0].header)) { // a row repeating the header is not an entry
                if (fields.size() != layout[0].header.size()) {
                    throw new ListFormatException(where, fields.size() + " fields; expected "
                            + layout[0].header.size() + " as in the header row");
                }
                rows.accept(CslMapping.entry(new CsvRow(record, layout[0]), where));
            }
        });
    }

    /** A data row, read through its layout. */
    private record CsvRow(CSVRecord record, Layout layout) implements CslMapping.CslRecord {

        @Override
        public String id() {
            return layout == Layout.WITH_ID ? text("_id") : null;
        }

        @Override
        public String text(String field) {
            String v = record.get(layout.index.get(field)).strip();
            return v.isEmpty() ? null : v;
        }

        @Override
        public List<String> values(String field) {
            String v = text(field);
            return v == null ? List.of() : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        @Override
        public List<CslMapping.Address> addresses() {
            List<CslMapping.Address> addresses = new ArrayList<>();
            for (String line : values("addresses")) {
                String last = line.substring(line.lastIndexOf(',') + 1).strip();
                String country = isCountryCode(last) ? last : null;
                addresses.add(new CslMapping.Address(line.equals(last) && country != null ? null : line, country));
            }
            return addresses;
        }

        @Override
        public List<Identifier> ids() {
            List<Identifier> ids = new ArrayList<>();
            for (String id : values("ids")) {
                List<String> parts = List.of(id.split(",", -1));
                ids.add(layout.typeFirstIds ? typeFirst(parts) : typeLast(parts));
            }
            return ids;
        }

        /** {@code type, number[, country][, issued][, expires]}; the number may itself hold commas. */
        private static Identifier typeFirst(List<String> parts) {
            if (parts.size() == 1) {
                return new Identifier(null, parts.get(0), null);
            }
            List<String> rest = parts.subList(1, parts.size());
            int end = rest.size();
            for (int dates = 0; dates < 2 && end > 1 && Dates.partial(rest.get(end - 1)) != null; dates++) {
                end--;
            }
            String country = null;
            if (end > 1 && isCountryCode(rest.get(end - 1).strip())) {
                country = rest.get(--end).strip();
            }
            return new Identifier(parts.get(0), String.join(",", rest.subList(0, end)), country);
        }

        /** {@code [country, ]number, type}, the older layout. */
        private static Identifier typeLast(List<String> parts) {
            if (parts.size() == 1) {
                return new Identifier(null, parts.get(0), null);
            }
            List<String> rest = parts.subList(0, parts.size() - 1);
            String country = null;
            if (rest.size() > 1 && isCountryCode(rest.get(0).strip())) {
                country = rest.get(0).strip();
                rest = rest.subList(1, rest.size());
            }
            return new Identifier(parts.get(parts.size() - 1), String.join(",", rest), country);
        }

        /** An upper-case ISO alpha-2 code, as the CSL writes countries inside addresses and identifiers. */
        private static boolean isCountryCode(String s) {
            return s.length() == 2 && s.equals(s.toUpperCase(Locale.ROOT)) && Countries.isCode(s);
        }
    }
}
