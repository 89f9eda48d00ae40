package edu.scrutiny.lists.internal;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Iterator;

/**
 * Streams the records of a CSV (or tab-separated) list file, one at a time, turning every parse
 * or decoding failure into a {@link ListFormatException} that names the file and line.
 */
public final class CsvInput {
    private CsvInput() {
    }

    /** Receives each record with its location, e.g. {@code sdn.csv line 12}. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(CSVRecord record, String location) throws IOException;
    }

    /**
     * Reads every record of the file.
     *
     * @param format a commons-csv format; headers are left to the caller (read them as a record)
     */
    public static void forEach(ListFile file, Charset charset, CSVFormat format, RecordHandler handler) throws IOException {
        try (Reader reader = TextInput.open(file, charset);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            long previousEnd = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    throw translate(file, previousEnd + 1, charset, e.getCause());
                }
                // the parser counts lines up to the end of the record; it starts on the line after the previous one
                long start = previousEnd + 1;
                previousEnd = Math.max(start, parser.getCurrentLineNumber());
                handler.handle(record, file.location() + " line " + start);
            }
        } catch (CharacterCodingException e) {
            throw TextInput.encodingError(file, charset, e);
        }
    }

    private static ListFormatException translate(ListFile file, long line, Charset charset, IOException cause)
            throws IOException {
        if (cause instanceof CharacterCodingException cce) {
            return TextInput.encodingError(file, charset, cce);
        }
        String where = file.location() + " line " + Math.max(1, line);
        String detail = cause == null ? "unreadable CSV" : cause.getMessage();
        if (detail != null && detail.contains("EOF reached before encapsulated token finished")) {
            return new ListFormatException(where, "not valid CSV: the file ends inside a quoted field that starts on this line; "
                    + "the file looks truncated (download it again), or a quote is not closed", cause);
        }
        return new ListFormatException(where, "not valid CSV (" + detail + "); expected comma-separated fields, "
                + "with quotes doubled inside quoted fields", cause);
    }
}
