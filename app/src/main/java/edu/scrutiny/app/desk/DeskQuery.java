package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.ScreeningQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A screening as asked, checked: build one with {@link DeskQueries#check}.
 *
 * @param schema    what the party is, or null for any kind of entry
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 * @param birthDate date of birth or incorporation, ISO-8601, possibly partial, or null
 * @param lists     the list keys to screen against, or null for every list held
 * @param purpose   why the screening was run (a note), or null
 * @param watch     whether monitoring re-screens it when a list version is imported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeskQuery(String name, Schema schema, List<String> countries,
                        @JsonProperty("birth_date") String birthDate, Set<String> lists,
                        @JsonProperty("as_of") LocalDate asOf, String purpose, boolean watch) {
    public DeskQuery {
        countries = List.copyOf(countries);
        lists = lists == null ? null : Set.copyOf(lists);
    }

    /** The matcher's form of the query (dates are applied by the snapshot's windows). */
    public ScreeningQuery matcherQuery() {
        return new ScreeningQuery(name, schema, countries, birthDate, null);
    }
}
