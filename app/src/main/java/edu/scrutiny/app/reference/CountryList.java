package edu.scrutiny.app.reference;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of a country list.
 *
 * @param key        {@code elevated_risk} (the institution's own) or {@code countries_of_concern} (statutory)
 * @param version    1, 2, ... each edit makes a new version
 * @param countries  the countries, each with the reason it is on the list
 * @param note       why this version was made
 * @param revisitBy  when the list is to be looked at again
 */
public record CountryList(String key, int version, List<Country> countries, String note,
                          @JsonProperty("revisit_by") LocalDate revisitBy,
                          @JsonProperty("recorded_at") Instant recordedAt,
                          @JsonProperty("recorded_by") String recordedBy) {
    public static final String ELEVATED_RISK = "elevated_risk";
    public static final String COUNTRIES_OF_CONCERN = "countries_of_concern";
    public static final List<String> KEYS = List.of(ELEVATED_RISK, COUNTRIES_OF_CONCERN);

    public CountryList {
        countries = List.copyOf(countries);
    }

    /** A country on the list (ISO 3166-1 alpha-2) and why. */
    public record Country(String code, String reason) {
    }

    public Optional<Country> find(String code) {
        return countries.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
