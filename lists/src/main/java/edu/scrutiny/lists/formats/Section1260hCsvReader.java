package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.Schema;

import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The DoD Section 1260H list (Chinese military companies operating in the United States),
 * published only as PDF, in OpenSanctions' CSV transcription with the header
 * {@code Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url}.
 * List key {@code us_dod_1260h}, category research security.
 *
 * <p>The file has one row per company and edition (397 rows for 227 companies in the editions of
 * 2021 to 2026, told apart by {@code Start date}), joined into one entry per company as
 * {@link TranscriptionCsvReader} describes. {@code Clean Name} is the name; {@code Name}, the
 * name as printed with its abbreviation in brackets, is an alias when it differs once footnote
 * asterisks (and a full stop after the bracket) are dropped. {@code Alias} and {@code Previous Name} are aliases
 * (semicolon-separated; one row separates two aliases by a bare comma, "Knownsec,Beijing Kownsec").
 * {@code Parent Name} is an owner of unknown share, from the latest edition naming one.
 * {@code Note} is a remark. Listed on: the earliest {@code Start date}; delisted on: the
 * {@code End date} of the latest edition's row. Every company is a Company.
 */
public final class Section1260hCsvReader extends TranscriptionCsvReader {
    private static final String PROGRAM = "Section 1260H of the William M. (Mac) Thornberry National Defense "
            + "Authorization Act for Fiscal Year 2021 (Public Law 116-283)";

    public Section1260hCsvReader() {
        super(ListFormat.SECTION_1260H_CSV, "us_dod_1260h", ListCategory.RESEARCH_SECURITY,
                "Name", "Clean Name", "Alias", "Previous Name", "Parent Name", "Note", "Start date", "End date",
                "Source Url");
    }

    @Override
    Listing listing(CSVRecord row, String where) {
        // the printed name ends in footnote asterisks, or a full stop after its bracket, on some rows
        String printed = row.get(0).strip().replaceAll("\\*+$", "").replaceAll("(?<=\\))\\.$", "").strip();
        String name = name(row.get(1).isBlank() ? printed : row.get(1), where, "Clean Name");
        List<String> aliases = new ArrayList<>();
        if (!printed.isEmpty() && !printed.equals(name)) {
            aliases.add(printed);
        }
        aliases.addAll(names(row.get(2)));
        aliases.addAll(names(row.get(3)));
        LocalDate start = listingDate(row.get(6), where, "Start date");
        return new Listing(Schema.COMPANY, name, aliases, List.of(), List.of(PROGRAM), names(row.get(4)),
                optional(row.get(5)), blankToNull(row.get(8)), start, row.get(6).isBlank() ? null : row.get(6).strip(),
                start, delistingDate(row.get(7), where, "End date"));
    }
}
