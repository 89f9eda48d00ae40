package edu.scrutiny.app.cli;

import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.internal.CsvInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV input file with a header naming its columns (QUERIES.csv, PAIRS.csv): required columns
 * are checked once, then rows stream with their line. Columns not asked for are ignored. A row
 * that is malformed on its own (wrong number of fields) is handed over as a row error, so that one
 * bad row in a large batch does not cost the others; a file that is not CSV at all stops the read.
 */
final class InputCsv {
    private InputCsv() {
    }

    /** One data row: where it is, and its values by column name (lower-case); absent optional columns are empty. */
    record Row(String location, Map<String, String> values) {
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    interface Handler {
        void row(Row row) throws IOException;

        void error(String location, String problem) throws IOException;
    }

    static void read(Path file, List<String> required, List<String> optional, Handler handler) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ListFormatException(file.toString(), Files.exists(file) ? "not a regular file" : "no such file");
        }
        if (Files.size(file) == 0) {
            throw new ListFormatException(file.toString(), "empty file; expected a header line naming the columns "
                    + String.join(", ", required));
        }
        int[][] columns = {null};
        List<String> wanted = new ArrayList<>(required);
        wanted.addAll(optional);
        int[] width = {0};
        CsvInput.forEach(new ListSource.PlainFile(file), StandardCharsets.UTF_8, CSVFormat.RFC4180, (record, where) -> {
            if (columns[0] == null) {
                columns[0] = header(record, where, required, wanted);
                width[0] = record.size();
                return;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                return;
            }
            if (record.size() != width[0]) {
                handler.error(where, "has " + record.size() + " fields, the header has " + width[0]
                        + "; quote fields that contain commas");
                return;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                int c = columns[0][i];
                values.put(wanted.get(i), c < 0 ? "" : record.get(c).strip());
            }
            handler.row(new Row(where, values));
        });
    }

    private static int[] header(CSVRecord record, String where, List<String> required, List<String> wanted) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            index.putIfAbsent(name, i);
        }
        for (String r : required) {
            if (!index.containsKey(r)) {
                throw new ListFormatException(where, "the header lacks the column '" + r + "'; it must name the columns "
                        + String.join(", ", required) + " (found: " + String.join(", ", record.values()) + ")");
            }
        }
        int[] columns = new int[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            columns[i] = index.getOrDefault(wanted.get(i), -1);
        }
        return columns;
    }
}
