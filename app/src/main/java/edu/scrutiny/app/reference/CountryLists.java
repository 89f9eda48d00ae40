package edu.scrutiny.app.reference;

import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The country lists, every version kept: read the current one, read the history, make a new version. */
@Service
public class CountryLists {
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CountryLists(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public CountryList current(String key) {
        requireKey(key);
        return jdbc.sql("""
                SELECT * FROM country_list_version WHERE list_key = :key
                ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""")
                .param("key", key).query(MAPPER).single();
    }

    public List<CountryList> currentAll() {
        return CountryList.KEYS.stream().map(this::current).toList();
    }

    public List<CountryList> history(String key) {
        requireKey(key);
        return jdbc.sql("SELECT * FROM country_list_version WHERE list_key = :key ORDER BY version")
                .param("key", key).query(MAPPER).list();
    }

    /**
     * Records a new version of a list, and announces it with {@link CountryListUpdated}.
     *
     * @throws InvalidInput for an unknown list, a code that is not ISO 3166-1 alpha-2, a duplicate, or a missing reason
     */
    @Transactional
    public CountryList update(String key, List<CountryList.Country> countries, String note, LocalDate revisitBy, String by) {
        requireKey(key);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < countries.size(); i++) {
            CountryList.Country c = countries.get(i);
            if (c.code() == null || !ISO.contains(c.code())) {
                problems.add(new InvalidInput.Problem("countries[" + i + "].code", "'" + c.code() + "' is not an ISO 3166-1 alpha-2 country code"));
            } else if (!seen.add(c.code())) {
                problems.add(new InvalidInput.Problem("countries[" + i + "].code", c.code() + " is on the list twice"));
            }
            if (c.reason() == null || c.reason().isBlank()) {
                problems.add(new InvalidInput.Problem("countries[" + i + "].reason", "is required: say why the country is on the list"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("country list " + key, problems);
        }
        CountryList previous = jdbc.sql("""
                SELECT * FROM country_list_version WHERE list_key = :key
                ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""")
                .param("key", key).query(MAPPER).optional().orElse(null);
        int version = previous == null ? 1 : previous.version() + 1;
        jdbc.sql("""
                INSERT INTO country_list_version (list_key, version, document, note, revisit_by, recorded_at, recorded_by)
                VALUES (:key, :version, :document, :note, :revisit, :at, :by)""")
                .param("key", key).param("version", version).param("document", Documents.toJson(countries))
                .param("note", note).param("revisit", revisitBy).param("at", Timestamp.from(clock.instant()))
                .param("by", by).update();
        CountryList updated = current(key);
        events.publishEvent(new CountryListUpdated(previous, updated, by));
        return updated;
    }

    private static void requireKey(String key) {
        if (!CountryList.KEYS.contains(key)) {
            throw new InvalidInput("country list", "key", "'" + key + "' is not a country list; the lists are " + CountryList.KEYS);
        }
    }

    private static final RowMapper<CountryList> MAPPER = (rs, n) -> new CountryList(
            rs.getString("list_key"), rs.getInt("version"),
            Documents.JSON.readValue(rs.getString("document"), new TypeReference<List<CountryList.Country>>() { }),
            rs.getString("note"),
            rs.getObject("revisit_by", LocalDate.class),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
}
