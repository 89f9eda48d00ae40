package edu.scrutiny.app.cli;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.matching.NameNormalizer;
import edu.scrutiny.matching.ScreeningQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rows of a QUERIES.csv file as screening queries, each checked on its own. */
final class QueryRows {
    static final List<String> REQUIRED = List.of("id", "name");
    static final List<String> OPTIONAL = List.of("schema", "country", "birth_date");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private QueryRows() {
    }

    /** A query, or why its row cannot be one. */
    record Parsed(String location, String id, ScreeningQuery query, String problem) {
    }

    static Parsed parse(InputCsv.Row row, LocalDate asOf) {
        String where = row.location();
        String id = row.get("id");
        if (id.isEmpty()) {
            return error(where, "column 'id' is empty; every query needs an id");
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            return error(where, "column 'name' is empty; every query needs a name");
        }
        if (name.length() > NameNormalizer.MAX_CHARS) {
            return error(where, String.format(Locale.ROOT, "the name is %,d characters long; at most %,d are accepted",
                    name.length(), NameNormalizer.MAX_CHARS));
        }
        Schema schema = null;
        String s = row.get("schema");
        if (!s.isEmpty()) {
            schema = Schema.fromFtm(s).orElse(null);
            if (schema == null) {
                return error(where, "column 'schema' is '" + s
                        + "', expected Person, Organization, Company, LegalEntity, Vessel or Airplane (or empty)");
            }
        }
        List<String> countries = new ArrayList<>();
        for (String c : row.get("country").split(";")) {
            String code = c.strip();
            if (code.isEmpty()) {
                continue;
            }
            if (!Countries.isCode(code)) {
                return error(where, "column 'country' holds '" + code
                        + "', expected ISO 3166-1 alpha-2 codes separated by ';' (e.g. CN;HK)");
            }
            countries.add(code.toUpperCase(Locale.ROOT));
        }
        String birth = row.get("birth_date");
        if (!birth.isEmpty() && !validPartialDate(birth)) {
            return error(where, "column 'birth_date' is '" + birth + "', expected YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return new Parsed(where, id, new ScreeningQuery(name, schema, countries, birth.isEmpty() ? null : birth, asOf), null);
    }

    private static boolean validPartialDate(String d) {
        if (!PARTIAL_DATE.matcher(d).matches()) {
            return false;
        }
        try {
            if (d.length() == 10) {
                LocalDate.parse(d);
            } else if (d.length() == 7) {
                java.time.YearMonth.parse(d);
            }
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static Parsed error(String where, String problem) {
        return new Parsed(where, null, null, problem);
    }
}
