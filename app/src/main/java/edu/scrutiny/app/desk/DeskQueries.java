package edu.scrutiny.app.desk;

import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a screening as asked (from JSON, a form, yente or a reconciliation query) and reports
 * every problem at once, naming the field: the same rules whichever door the query came in by.
 */
public final class DeskQueries {
    static final int MAX_NAME = 500;
    static final int MAX_PURPOSE = 2000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private DeskQueries() {
    }

    /**
     * A schema by its FollowTheMoney name ({@code Person}, {@code Company}...), or the words the
     * desk and the command line use ({@code person}, {@code organization}); {@code any}, {@code
     * Thing} or blank for any kind of entry.
     */
    public static Optional<Schema> schema(String name) throws IllegalArgumentException {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("any") || name.equalsIgnoreCase("Thing")) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("organisation")) {
            return Optional.of(Schema.ORGANIZATION);
        }
        return Optional.of(Schema.fromFtm(n).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "' is not a schema Scrutiny screens; expected one of Person, Organization, Company, LegalEntity, "
                        + "Vessel, Airplane or any")));
    }

    /**
     * Checks a query.
     *
     * @param source   the request, for messages ({@code POST /api/screenings})
     * @param known    the list keys held, against which {@code lists} is checked
     * @param today    the as-of date when none is given
     * @throws InvalidInput naming every field that is wrong
     */
    public static DeskQuery check(String source, String name, String schema, List<String> countries, String birthDate,
                                  List<String> lists, LocalDate asOf, String purpose, boolean watch, Set<String> known,
                                  LocalDate today) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new InvalidInput.Problem("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new InvalidInput.Problem("name", "is longer than " + MAX_NAME + " characters"));
        }
        Schema s = null;
        try {
            s = schema(schema).orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput.Problem("schema", e.getMessage()));
        }
        List<String> codes = new ArrayList<>();
        List<String> given = countries == null ? List.of() : countries;
        for (int i = 0; i < given.size(); i++) {
            String c = given.get(i) == null ? "" : given.get(i).strip();
            if (!COUNTRY.matcher(c).matches()) {
                problems.add(new InvalidInput.Problem("countries[" + i + "]", "'" + c + "' is not an ISO 3166-1 alpha-2 code such as CN"));
            } else if (!codes.contains(c.toUpperCase(Locale.ROOT))) {
                codes.add(c.toUpperCase(Locale.ROOT));
            }
        }
        String born = birthDate == null || birthDate.isBlank() ? null : birthDate.strip();
        if (born != null && !PARTIAL_DATE.matcher(born).matches()) {
            problems.add(new InvalidInput.Problem("birth_date", "'" + born + "' is not a date YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        Set<String> keys = null;
        if (lists != null && !lists.isEmpty()) {
            keys = new LinkedHashSet<>();
            for (int i = 0; i < lists.size(); i++) {
                String k = lists.get(i) == null ? "" : lists.get(i).strip();
                if (!known.contains(k)) {
                    problems.add(new InvalidInput.Problem("lists[" + i + "]", "'" + k + "' is not a list Scrutiny holds; the lists are "
                            + (known.isEmpty() ? "(none imported)" : String.join(", ", known))));
                }
                keys.add(k);
            }
        }
        String why = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (why != null && why.length() > MAX_PURPOSE) {
            problems.add(new InvalidInput.Problem("purpose", "is longer than " + MAX_PURPOSE + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        return new DeskQuery(name.strip(), s, codes, born, keys, asOf == null ? today : asOf, why, watch);
    }
}
