package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A name to screen, with what else is known of the party.
 *
 * @param name      the name as written, in any script
 * @param schema    what it is, or null when unknown (then every kind of entry is a candidate)
 * @param countries ISO 3166-1 alpha-2 codes known for the party; may be empty
 * @param birthDate date of birth or incorporation, ISO-8601, possibly partial ({@code 1958}); or null
 * @param asOf      screen against the entries in force on this date; null for all entries
 */
public record ScreeningQuery(String name, Schema schema, List<String> countries, String birthDate, LocalDate asOf) {
    public ScreeningQuery {
        Objects.requireNonNull(name, "name");
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    public static ScreeningQuery of(String name) {
        return new ScreeningQuery(name, null, List.of(), null, null);
    }

    public static ScreeningQuery of(String name, Schema schema) {
        return new ScreeningQuery(name, schema, List.of(), null, null);
    }
}
