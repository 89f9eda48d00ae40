package edu.scrutiny.matching.evaluation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the files of the evaluation directory (UTF-8 CSV with a header row, or plain lines),
 * refusing any that is missing or breaks its layout with a message naming the file, the line and
 * what was expected.
 */
final class EvaluationFiles {
    private EvaluationFiles() {
    }

    /** One data row of a CSV file: its fields by column name, and where it is, e.g. {@code x.csv line 4}. */
    record Row(CSVRecord record, String location) {
        String get(String column) {
            return record.get(column);
        }
    }

    /**
     * Reads a CSV file with a header row holding at least the given columns, turning each row into
     * a value. The reader throws {@link EvaluationDataException} for a row it cannot use.
     */
    static <T> List<T> csv(Path file, List<String> columns, Function<Row, T> reader) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        return parse(file, format, columns, reader);
    }

    /**
     * Reads a CSV file without a header row whose columns are, in order, the names given; lines
     * starting with {@code #} are comments.
     */
    static <T> List<T> headerlessCsv(Path file, List<String> columns, Function<Row, T> reader) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        return parse(file, format, columns, reader);
    }

    /** The non-blank lines of a UTF-8 text file, trimmed. */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static <T> List<T> parse(Path file, CSVFormat format, List<String> columns, Function<Row, T> reader) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new EvaluationDataException(file + " line 1", "header lacks the column(s) " + missing
                        + "; expected the columns " + columns);
            }
            List<T> values = new ArrayList<>();
            for (CSVRecord record : parser) {
                String location = file + " line " + parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new EvaluationDataException(location, record.size() + " fields; expected "
                            + parser.getHeaderNames().size() + " (" + String.join(",", parser.getHeaderNames()) + ")");
                }
                values.add(reader.apply(new Row(record, location)));
            }
            return values;
        } catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static EvaluationDataException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new EvaluationDataException(file.toString(), "no such file; the evaluation directory should hold it"
                    + " (see ../shared/data/eval/README.md)", e);
        }
        if (e instanceof CharacterCodingException) {
            return new EvaluationDataException(file.toString(), "not valid UTF-8 text", e);
        }
        return new EvaluationDataException(file.toString(), "cannot be read as CSV (" + e.getMessage() + ")", e);
    }

    /** A column's value as a score between 0 and 1. */
    static double score(Row row, String column) {
        String v = row.get(column).strip();
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below, with what was expected
        }
        throw new EvaluationDataException(row.location(), "column '" + column + "' is '" + v
                + "'; expected a number from 0 to 1");
    }

    /** A column's value as {@code true} or {@code false}. */
    static boolean bool(Row row, String column) {
        String v = row.get(column).strip();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new EvaluationDataException(row.location(), "column '" + column + "' is '" + v + "'; expected true or false");
    }

    /** A column's value, which must not be blank. */
    static String text(Row row, String column) {
        String v = row.get(column).strip();
        if (v.isEmpty()) {
            throw new EvaluationDataException(row.location(), "column '" + column + "' is empty; expected a name");
        }
        return v;
    }
}
