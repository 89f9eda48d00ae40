package edu.scrutiny.matching.batch;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.ScreeningQuery;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One row of a batch of names to screen (the columns of {@code scrutiny screen}'s QUERIES.csv) as a
 * screening query, or why it cannot be one. The command line and the Spark job both parse rows
 * here, so that a row is accepted or refused the same way wherever it is screened.
 *
 * @param location where the row is (a file and line), for messages
 * @param id       the query's id, as given
 * @param query    the query, or null when the row has a problem
 * @param problem  what is wrong with the row, or null
 */
public record QueryRow(String location, String id, ScreeningQuery query, String problem) {
    /** Columns every input must have. */
    public static final List<String> REQUIRED = List.of("id", "name");
    /** Columns read when present; any others are ignored. */
    public static final List<String> OPTIONAL = List.of("schema", "country", "birth_date");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /**
     * Parses a row.
     *
     * @param location where the row is, for the problem's message
     * @param column   the row's value of a column (lower-case name), stripped, empty when absent
     * @param asOf     the date the query screens as of, or null for all entries
     */
    public static QueryRow parse(String location, Function<String, String> column, LocalDate asOf) {
        String id = value(column, "id");
        if (id.isEmpty()) {
            return error(location, "column 'id' is empty; every query needs an id");
        }
        String name = value(column, "name");
        if (name.isEmpty()) {
            return error(location, "column 'name' is empty; every query needs a name");
        }
        if (name.length() > NameNormalizer.MAX_CHARS) {
            return error(location, String.format(Locale.ROOT, "the name is %,d characters long; at most %,d are accepted",
                    name.length(), NameNormalizer.MAX_CHARS));
        }
        Schema schema = null;
        String s = value(column, "schema");
        if (!s.isEmpty()) {
            schema = Schema.fromFtm(s).orElse(null);
            if (schema == null) {
                return error(location, "column 'schema' is '" + s
                        + "', expected Person, Organization, Company, LegalEntity, Vessel or Airplane (or empty)");
            }
        }
        List<String> countries = new ArrayList<>();
        for (String c : value(column, "country").split(";")) {
            String code = c.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!Countries.isCode(code)) {
                return error(location, "column 'country' holds '" + code
                        + "', expected ISO 3166-1 alpha-2 codes separated by ';' (e.g. CN;HK)");
            }
            countries.add(code.toUpperCase(Locale.ROOT));
        }
        String birth = value(column, "birth_date");
        if (!birth.isEmpty() && !validPartialDate(birth)) {
            return error(location, "column 'birth_date' is '" + birth + "', expected YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return new QueryRow(location, id, new ScreeningQuery(name, schema, countries, birth.isEmpty() ? null : birth, asOf), null);
    }

    private static String value(Function<String, String> column, String name) {
        String v = column.apply(name);
        return v == null ? "" : v.strip();
    }

    private static boolean validPartialDate(String d) {
        if (!PARTIAL_DATE.matcher(d).matches()) {
            return false;
        }
        try {
            if (d.length() == 10) {
                LocalDate.parse(d);
            } else if (d.length() == 7) {
                YearMonth.parse(d);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static QueryRow error(String location, String problem) {
        return new QueryRow(location, null, null, problem);
    }
}
