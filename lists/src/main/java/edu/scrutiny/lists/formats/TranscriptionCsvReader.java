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
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The common handling of OpenSanctions' CSV transcriptions of lists published only as PDF
 * (DoD Section 1286 and 1260H, BIS Military-Intelligence End Users): UTF-8, comma-separated,
 * recognised by their exact header row; each subclass turns a row into a {@link Listing}.
 *
 * <p>These files have no identifier column, and the DoD transcriptions repeat an institution on
 * one row per yearly edition of the list. Screening wants one entry per institution, so rows are
 * grouped by the {@link #sourceId} derived from the name (which also joins spellings that differ
 * only in case, punctuation or accents, as editions write "Sun Yat-sen" and "Sun Yat-Sen"), and
 * each group becomes one entry:
 * <ul>
 * <li>name and schema from the latest edition's row; other rows' names become aliases;</li>
 * <li>aliases, countries, programmes and remarks from every row, and a remark naming the editions;</li>
 * <li>listed on: the earliest row's listing date; delisted on: the latest edition's end date, and
 *     only when every row of that edition has one (an institution an edition still lists is in force);</li>
 * <li>owners (parents) and source URL from the latest edition that gives them.</li>
 * </ul>
 * The groups are emitted at the end of the file, in the order of their first rows; these lists
 * hold hundreds of rows, so holding them is the side table this format needs.
 */
abstract class TranscriptionCsvReader implements ListReader {
    /** Names in one cell: separated by semicolons, or by a comma directly followed by a letter. */
    private static final Pattern NAME_SEPARATOR = Pattern.compile(";|,(?=\\p{L})");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ListFormat format;
    private final List<String> header;
    private final String listKey;
    private final ListCategory category;

    TranscriptionCsvReader(ListFormat format, String listKey, ListCategory category, String... header) {
        this.format = format;
        this.listKey = listKey;
        this.category = category;
        this.header = List.of(header);
    }

    /**
     * One row as the list states it.
     *
     * @param edition      which edition of the list the row is from, for ordering (null when the list has none)
     * @param editionLabel how remarks name that edition, e.g. {@code 2023}
     */
    record Listing(Schema schema, String name, List<String> aliases, List<String> countries, List<String> programs,
                   List<String> parents, List<String> remarks, String sourceUrl,
                   LocalDate edition, String editionLabel, LocalDate listedOn, LocalDate delistedOn) {
    }

    /** Reads a data row, which has exactly the header's columns; {@code where} names the file and line. */
    abstract Listing listing(CSVRecord row, String where);

    @Override
    public final ListFormat format() {
        return format;
    }

    @Override
    public final boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        String first = TextInput.headText(source.single(), 4096).lines().findFirst().orElse("");
        return first.strip().equals(String.join(",", header));
    }

    @Override
    public final ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        Map<String, List<Listing>> groups = new LinkedHashMap<>();
        boolean[] headerSeen = {false};
        CsvInput.forEach(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT, (record, where) -> {
            List<String> values = Arrays.stream(record.values()).map(String::strip).toList();
            if (!headerSeen[0]) {
                if (!values.equals(header)) {
                    throw new ListFormatException(where, "expected the header row \"" + String.join(",", header)
                            + "\", found \"" + String.join(",", values) + "\"");
                }
                headerSeen[0] = true;
                return;
            }
            if (record.size() != header.size()) {
                throw new ListFormatException(where, "row has " + record.size() + " fields; expected "
                        + header.size() + " (" + String.join(",", header) + ")");
            }
            Listing listing = listing(record, where);
            groups.computeIfAbsent(sourceId(listing.name()), k -> new ArrayList<>()).add(listing);
        });
        if (groups.isEmpty()) {
            throw new ListFormatException(file.location(), headerSeen[0] ? "holds a header but no rows"
                    : "empty file; expected the header row \"" + String.join(",", header) + "\"");
        }
        for (Map.Entry<String, List<Listing>> g : groups.entrySet()) {
            sink.accept(entry(g.getKey(), g.getValue()));
        }
        long rows = groups.values().stream().mapToLong(List::size).sum();
        return new ReadSummary(listKey, groups.size(), rows);
    }

    private ListEntry entry(String sourceId, List<Listing> rows) {
        List<Listing> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Listing::edition, Comparator.nullsFirst(Comparator.naturalOrder())));
        Listing latest = sorted.get(sorted.size() - 1);
        List<Listing> latestEdition = sorted.stream().filter(r -> Objects.equals(r.edition(), latest.edition())).toList();

        ListEntry.Builder b = ListEntry.builder(listKey, sourceId).schema(latest.schema()).category(category)
                .name(latest.name());
        Set<String> editions = new LinkedHashSet<>();
        for (Listing r : sorted) {
            b.alias(r.name());
            r.aliases().forEach(b::alias);
            r.countries().forEach(b::country);
            r.programs().forEach(b::program);
            r.remarks().forEach(b::remarks);
            if (r.editionLabel() != null) {
                editions.add(r.editionLabel());
            }
        }
        if (!editions.isEmpty()) {
            b.remarks((editions.size() == 1 ? "Edition: " : "Editions: ") + String.join(", ", editions));
        }
        sorted.stream().map(Listing::listedOn).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .ifPresent(b::listedOn);
        if (latestEdition.stream().allMatch(r -> r.delistedOn() != null)) {
            latestEdition.stream().map(Listing::delistedOn).max(Comparator.naturalOrder()).ifPresent(b::delistedOn);
        }
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Listing r = sorted.get(i);
            if (!r.parents().isEmpty()) {
                r.parents().forEach(p -> b.owner(p, null));
                break;
            }
        }
        for (int i = sorted.size() - 1; i >= 0; i--) {
            if (sorted.get(i).sourceUrl() != null) {
                b.sourceUrl(sorted.get(i).sourceUrl());
                break;
            }
        }
        return b.build();
    }

    /**
     * A stable identifier from a name, as these files have none: lower case, accents dropped,
     * every run of other characters than letters and digits a hyphen
     * ({@code Sun Yat-sen University} gives {@code sun-yat-sen-university}).
     */
    static String sourceId(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String id = NOT_ALPHANUMERIC.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-");
        return id.replaceAll("^-+|-+$", "");
    }

    /** The names in a cell (see {@link #NAME_SEPARATOR}), trimmed, empty ones dropped. */
    static List<String> names(String cell) {
        return NAME_SEPARATOR.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A required name; a row without one is an error, not skipped. */
    static String name(String value, String where, String column) {
        if (value.isBlank() || sourceId(value).isEmpty()) {
            throw new ListFormatException(where, "column \"" + column + "\" has no name");
        }
        return value.strip();
    }

    /** A schema by its FollowTheMoney name. */
    static Schema schema(String value, String where, String column) {
        return Schema.fromFtm(value).orElseThrow(() -> new ListFormatException(where, "column \"" + column
                + "\" holds \"" + value + "\"; expected a FollowTheMoney schema such as Company, Organization or Person"));
    }

    /** Countries as names or codes, semicolon-separated; one that is neither is an error. */
    static List<String> countries(String value, String where, String column) {
        List<String> codes = new ArrayList<>();
        for (String c : value.split(";")) {
            if (c.isBlank()) {
                continue;
            }
            String code = Countries.code(c);
            if (code == null) {
                throw new ListFormatException(where, "column \"" + column + "\" holds \"" + c.strip()
                        + "\", which is neither a country name nor an ISO 3166 code");
            }
            codes.add(code);
        }
        return codes;
    }

    /** A listing date, possibly partial (its period's first day; see {@link Dates#listingDate}); null when blank. */
    static LocalDate listingDate(String value, String where, String column) {
        return date(value, Dates.listingDate(value), where, column);
    }

    /** An end date, possibly partial (the day after its period; see {@link Dates#delistingDate}); null when blank. */
    static LocalDate delistingDate(String value, String where, String column) {
        return date(value, Dates.delistingDate(value), where, column);
    }

    private static LocalDate date(String value, LocalDate parsed, String where, String column) {
        if (value.isBlank()) {
            return null;
        }
        if (parsed == null) {
            throw new ListFormatException(where, "column \"" + column + "\" holds \"" + value.strip()
                    + "\"; expected a date such as 2024-01-31 (or a year, 2024)");
        }
        return parsed;
    }

    /** A list of the value, or none when blank. */
    static List<String> optional(String value) {
        return value.isBlank() ? List.of() : List.of(value.strip());
    }

    /** The value, or null when blank. */
    static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
