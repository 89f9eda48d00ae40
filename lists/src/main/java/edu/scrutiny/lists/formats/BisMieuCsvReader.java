package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormat;

import org.apache.commons.csv.CSVRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * The BIS Military-Intelligence End User list (EAR §744.22), published in the Federal Register
 * only, in OpenSanctions' CSV transcription with the header
 * {@code Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL}. List key
 * {@code us_bis_mieu}, category export control.
 *
 * <p>One row per end user: {@code Type} is the FollowTheMoney schema, {@code Alias}
 * semicolon-separated aliases, {@code Country} an ISO code, {@code Program} the programme,
 * {@code Date} the listing date and {@code End date} the delisting date; {@code Topics} is the
 * same on every row and not kept. Rows sharing a name would be joined as
 * {@link TranscriptionCsvReader} describes; the list has no editions.
 */
public final class BisMieuCsvReader extends TranscriptionCsvReader {

    public BisMieuCsvReader() {
        super(ListFormat.BIS_MIEU_CSV, "us_bis_mieu", ListCategory.EXPORT_CONTROL,
                "Type", "Name", "Alias", "Country", "Topics", "Program", "Date", "End date", "Source URL");
    }

    @Override
    Listing listing(CSVRecord row, String where) {
        LocalDate listed = listingDate(row.get(6), where, "Date");
        return new Listing(schema(row.get(0), where, "Type"), name(row.get(1), where, "Name"), names(row.get(2)),
                countries(row.get(3), where, "Country"), optional(row.get(5)), List.of(), List.of(),
                blankToNull(row.get(8)), null, null, listed, delistingDate(row.get(7), where, "End date"));
    }
}
