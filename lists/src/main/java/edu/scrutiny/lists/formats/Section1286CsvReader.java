package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;

import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The DoD Section 1286 lists (foreign institutions and talent programmes of concern for
 * DoD-funded research), published only as PDF, in OpenSanctions' CSV transcription with the
 * header {@code schema,name,aliases,topics,program,authority,reason,report-date,start-date,end-date,country,notes,source_url}.
 * List key {@code us_dod_1286}, category research security.
 *
 * <p>The file has one row per institution and yearly edition ({@code report-date}, a year: 443
 * rows for 190 institutions in the 2022 to 2025 editions). Rows are joined into one entry per
 * institution as {@link TranscriptionCsvReader} describes, so the count is of institutions, not
 * rows. {@code aliases} are semicolon-separated; {@code reason} and {@code notes} are remarks;
 * {@code topics} and {@code authority} are the same on every row and not kept.
 *
 * <p>Listed on: the row's {@code start-date} where given (the transcription gives none so far),
 * otherwise the first day of the earliest edition's year. The PDF editions carry no listing
 * date, and the first was published on 2023-06-29 for the 2022 report; the first day of the
 * report year is earlier than any publication, so screening "as of" a date errs towards seeing
 * the institution listed rather than missing it. Delisted on: {@code end-date} of the latest
 * edition's row; a year alone (2026) means the listing ran through that year.
 */
public final class Section1286CsvReader extends TranscriptionCsvReader {

    public Section1286CsvReader() {
        super(ListFormat.SECTION_1286_CSV, "us_dod_1286", ListCategory.RESEARCH_SECURITY,
                "schema", "name", "aliases", "topics", "program", "authority", "reason", "report-date",
                "start-date", "end-date", "country", "notes", "source_url");
    }

    @Override
    Listing listing(CSVRecord row, String where) {
        String year = row.get(7).strip();
        if (!year.isEmpty() && !year.matches("\\d{4}")) {
            throw new ListFormatException(where, "column \"report-date\" holds \"" + year
                    + "\"; expected the edition's year, such as 2024");
        }
        LocalDate edition = year.isEmpty() ? null : LocalDate.of(Integer.parseInt(year), 1, 1);
        LocalDate start = listingDate(row.get(8), where, "start-date");
        List<String> remarks = new ArrayList<>(optional(row.get(6)));
        remarks.addAll(optional(row.get(11)));
        return new Listing(schema(row.get(0), where, "schema"), name(row.get(1), where, "name"),
                names(row.get(2)), countries(row.get(10), where, "country"), optional(row.get(4)), List.of(),
                remarks, blankToNull(row.get(12)), edition, year.isEmpty() ? null : year,
                start != null ? start : edition, delistingDate(row.get(9), where, "end-date"));
    }
}
