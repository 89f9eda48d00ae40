package edu.scrutiny.app.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An export's content: a sheet name, typed columns and rows. Rows are an {@link Iterable} so that
 * a large export is written as it is read rather than held whole.
 *
 * @param name    the sheet's name (XLSX) and the file's base name
 * @param columns the header, in order
 * @param rows    one list of cells per row, as many as columns; a cell is null when empty
 */
public record Table(String name, List<Column> columns, Iterable<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
    }

    /** Checks a cell against its column's type: a mismatch is a programming error, caught before a file is half-written. */
    static Object checked(Column column, Object cell) {
        if (cell == null) {
            return null;
        }
        boolean ok = switch (column.type()) {
            case TEXT -> cell instanceof String;
            case NUMBER -> cell instanceof Number && !(cell instanceof BigDecimal b && b.scale() > 15);
            case DATE -> cell instanceof LocalDate;
            case DATE_TIME -> cell instanceof Instant;
            case BOOLEAN -> cell instanceof Boolean;
        };
        if (!ok) {
            throw new IllegalArgumentException("column " + column.header() + " (" + column.type() + ") cannot hold "
                    + cell.getClass().getSimpleName());
        }
        return cell;
    }
}
