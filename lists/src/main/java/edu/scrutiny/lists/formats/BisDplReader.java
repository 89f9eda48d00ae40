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
import edu.scrutiny.lists.internal.CsvInput;
import edu.scrutiny.lists.internal.Dates;
import edu.scrutiny.lists.internal.TextInput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BIS Denied Persons List as BIS publishes it: tab-separated, every field quoted, with the
 * header {@code "Name" "Street_Address" "City" "State" "Country" "Postal_Code" "Effective_Date"
 * "Expiration_Date" "Standard_Order" "Last_Update" "Action" "FR_Citation"}, by which it is
 * recognised. Dates are {@code MM/dd/yyyy}.
 *
 * <p>The file has one row per denial order and address, and no identifier. Screening wants one
 * entry per denied party, so all rows of one name (trimmed, upper-cased, whitespace collapsed)
 * are one entry, with every address, listed from the earliest effective date and delisted on the
 * latest expiration date (a party stays denied while any of its orders runs; a row without an
 * expiration date denies it indefinitely). Its sourceId is {@code dpl-} and the first 16 hex
 * digits of SHA-256 of that name. The effective date is deliberately not part of the id: BIS
 * renews temporary denial orders with a new effective date, and a renewal is the same party
 * still denied, not a new one. The schema is LegalEntity: the list names people and firms alike
 * without saying which.
 *
 * <p>The Federal Register citation is kept in the remarks; a non-standard order is noted there
 * too. Last_Update and Action are the publisher's change log and are not kept.
 */
public final class BisDplReader implements ListReader {
    static final String LIST_KEY = "us_bis_dpl";
    private static final String SOURCE_URL =
            "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list";
    private static final List<String> HEADER = List.of("Name", "Street_Address", "City", "State", "Country",
            "Postal_Code", "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation");
    private static final CSVFormat TSV = CSVFormat.DEFAULT.builder().setDelimiter('\t').get();

    @Override
    public ListFormat format() {
        return ListFormat.BIS_DPL;
    }

    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        String first = TextInput.headText(source.single(), 1024).lines().findFirst().orElse("");
        List<String> fields = Stream.of(first.split("\t", -1)).map(f -> f.strip().replace("\"", "")).toList();
        return fields.equals(HEADER);
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        MergedEntries.Counts counts = MergedEntries.read(rows -> readRows(file, rows), sink, file.location());
        return new ReadSummary(LIST_KEY, counts.entries(), counts.rows());
    }

    private static void readRows(ListFile file, Consumer<ListEntry> rows) throws IOException {
        boolean[] header = {false};
        CsvInput.forEach(file, StandardCharsets.UTF_8, TSV, (record, where) -> {
            if (!header[0]) {
                if (!record.toList().equals(HEADER)) {
                    throw new ListFormatException(where, "not the Denied Persons List header; expected the tab-separated "
                            + "columns " + String.join(", ", HEADER));
                }
                header[0] = true;
            } else if (record.size() != HEADER.size()) {
                throw new ListFormatException(where, record.size() + " fields; expected " + HEADER.size()
                        + " tab-separated fields as in the header row");
            } else {
                rows.accept(entry(record, where));
            }
        });
    }

    private static ListEntry entry(CSVRecord r, String where) {
        String name = field(r, "Name");
        if (name.isEmpty()) {
            throw new ListFormatException(where, "no Name; every Denied Persons List row names the denied party");
        }
        String key = name.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String country = field(r, "Country");
        ListEntry.Builder b = ListEntry.builder(LIST_KEY, "dpl-" + CslMapping.sha256Prefix(key))
                .name(name)
                .schema(Schema.LEGAL_ENTITY)
                .category(ListCategory.DENIAL)
                .address(Stream.of("Street_Address", "City", "State", "Postal_Code", "Country").map(f -> field(r, f))
                        .filter(v -> !v.isEmpty()).collect(Collectors.joining(", ")))
                .country(Countries.code(country))
                .listedOn(date(r, "Effective_Date", where))
                .delistedOn(date(r, "Expiration_Date", where))
                .sourceUrl(SOURCE_URL);
        String citation = field(r, "FR_Citation");
        if (!citation.isEmpty()) {
            b.remarks("Federal Register: " + citation);
        }
        String standard = field(r, "Standard_Order");
        if (!standard.isEmpty() && !standard.equalsIgnoreCase("Y")) {
            b.remarks("Standard order: " + standard);
        }
        return b.build();
    }

    private static String field(CSVRecord r, String column) {
        return r.get(HEADER.indexOf(column)).strip();
    }

    private static LocalDate date(CSVRecord r, String column, String where) {
        String text = field(r, column);
        if (text.isEmpty()) {
            return null;
        }
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw new ListFormatException(where, column + " \"" + text + "\" is not a date; expected MM/DD/YYYY");
        }
        return d;
    }
}
