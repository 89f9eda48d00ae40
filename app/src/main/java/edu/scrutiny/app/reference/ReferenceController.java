package edu.scrutiny.app.reference;

import edu.scrutiny.app.identity.Actor;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.JsonBodies;
import edu.scrutiny.app.support.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Reference data: the country lists (every version) and the research-area taxonomy. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference data", description = "Country lists and research areas the policy reads")
class ReferenceController {

    private final CountryLists countryLists;
    private final ResearchAreas researchAreas;

    ReferenceController(CountryLists countryLists, ResearchAreas researchAreas) {
        this.countryLists = countryLists;
        this.researchAreas = researchAreas;
    }

    /** A new version of a country list: the whole list, why it changed, and when to look at it again. */
    record CountryListUpdate(List<CountryList.Country> countries, String note,
            @JsonProperty("revisit_by") LocalDate revisitBy) {
    }

    @GetMapping("/country-lists")
    @Operation(summary = "The current version of every country list")
    List<CountryList> countryLists() {
        return countryLists.currentAll();
    }

    @GetMapping("/country-lists/{key}")
    @Operation(summary = "The current version of a country list (elevated_risk or countries_of_concern)")
    CountryList countryList(@PathVariable String key) {
        return countryLists.current(known(key));
    }

    @GetMapping("/country-lists/{key}/history")
    @Operation(summary = "Every version of a country list, oldest first")
    List<CountryList> countryListHistory(@PathVariable String key) {
        return countryLists.history(known(key));
    }

    @PutMapping(path = "/country-lists/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a country list's countries: records a new version")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CountryListUpdate.class)))
    CountryList updateCountryList(@PathVariable String key, @RequestBody String body, Actor actor) {
        String source = "PUT /api/country-lists/" + known(key);
        CountryListUpdate update = JsonBodies.read(body, CountryListUpdate.class, source);
        if (update.countries() == null) {
            throw new InvalidInput(source, "countries", "is required: the whole list, each with code and reason");
        }
        for (int i = 0; i < update.countries().size(); i++) {
            if (update.countries().get(i) == null) {
                throw new InvalidInput(source, "countries[" + i + "]", "expected an object with code and reason");
            }
        }
        try {
            return countryLists.update(key, update.countries(), update.note(), update.revisitBy(), actor.username());
        } catch (InvalidInput e) {
            throw new InvalidInput(source, e.problems());
        }
    }

    @GetMapping("/research-areas")
    @Operation(summary = "The research-area taxonomy engagements name their areas from")
    List<ResearchArea> researchAreas() {
        return researchAreas.all();
    }

    private static String known(String key) {
        if (!CountryList.KEYS.contains(key)) {
            throw new NotFound("no country list " + key + "; the lists are " + String.join(", ", CountryList.KEYS));
        }
        return key;
    }
}
