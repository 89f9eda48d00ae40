package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The screening log over the REST API: screen and log, search, read, dispose. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Screening desk", description = "Names screened outside an engagement, each logged for audit")
class ScreeningsController {
    private static final int SEARCH_LIMIT = 500;

    private final ScreeningLog log;
    private final DisposeResult dispose;

    ScreeningsController(ScreeningLog log, DisposeResult dispose) {
        this.log = log;
        this.dispose = dispose;
    }

    /** A screening as asked over the API. */
    record Request(String name, String schema, List<String> countries, @JsonProperty("birth_date") String birthDate,
                   List<String> lists, @JsonProperty("as_of") LocalDate asOf, String purpose, Boolean watch) {
    }

    /** A disposition as asked over the API. */
    record DispositionRequest(String list, @JsonProperty("source_id") String sourceId, String verdict, String reason) {
    }

    /** What {@code GET /api/screen} has always answered, with the log entry it now makes. */
    record Screened(@JsonProperty("screening_id") long screeningId, String name, String kind, String country,
                    @JsonProperty("as_of") LocalDate asOf, List<Hit> hits, @JsonProperty("cleared_hits") List<Hit> clearedHits) {
    }

    @PostMapping(path = "/screenings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Screen a name and log it: who, when, the query, the list versions, the results")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Request.class)))
    LoggedScreening screen(@RequestBody String body, Actor actor) {
        String source = "POST /api/screenings";
        ScreeningLog.requireScreener(actor);
        Request r = JsonBodies.read(body, Request.class, source);
        DeskQuery q = DeskQueries.check(source, r.name(), r.schema(), r.countries(), r.birthDate(), r.lists(), r.asOf(), r.purpose(),
                Boolean.TRUE.equals(r.watch()), log.listKeys(), log.today());
        return log.screen(q, actor, Channel.API);
    }

    @GetMapping("/screenings")
    @Operation(summary = "Search the screening log, newest first (at most " + SEARCH_LIMIT + " entries, without their results)")
    List<LoggedScreening> search(@Parameter(description = "A part of the name screened") @RequestParam(required = false) String q,
                                 @Parameter(description = "Who ran it") @RequestParam(required = false) String user,
                                 @Parameter(description = "Run on or after (YYYY-MM-DD, UTC)")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @Parameter(description = "Run on or before (YYYY-MM-DD, UTC)")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @Parameter(description = "NO_HITS, POTENTIAL_MATCH, TRUE_MATCH or CLEARED")
                                 @RequestParam(required = false) String outcome,
                                 @Parameter(description = "true: waiting for review (NEEDS_REVIEW); false: not")
                                 @RequestParam(required = false) Boolean open,
                                 Actor actor) {
        return log.search(new LogSearch(q, user, from, to, outcome(outcome, "GET /api/screenings"), open, SEARCH_LIMIT), actor);
    }

    @GetMapping("/screenings/{id}")
    @Operation(summary = "A logged screening with its results and dispositions")
    LoggedScreening find(@PathVariable long id, Actor actor) {
        return log.find(id, actor);
    }

    @PostMapping(path = "/screenings/{id}/dispositions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Dispose of a result: TRUE_MATCH, FALSE_POSITIVE (a second analyst confirms one on a sanctions list) "
            + "or NEEDS_REVIEW (the screening stays open)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = DispositionRequest.class)))
    ScreeningDisposed dispose(@PathVariable long id, @RequestBody String body, Actor actor) {
        String source = "POST /api/screenings/" + id + "/dispositions";
        ScreeningLog.requireScreener(actor);
        DispositionRequest r = JsonBodies.read(body, DispositionRequest.class, source);
        Verdict verdict = null;
        if (r.verdict() != null) {
            try {
                verdict = Verdict.valueOf(r.verdict().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(source, "verdict", "'" + r.verdict() + "' is not one of TRUE_MATCH, FALSE_POSITIVE, NEEDS_REVIEW");
            }
        }
        return dispose.dispose(id, r.list(), r.sourceId(), verdict, r.reason(), actor);
    }

    @GetMapping("/screen")
    @Operation(summary = "Screen a name (an organization or a person) against every enabled list as of a date (default today); logged")
    Screened screenName(@RequestParam String name,
                        @Parameter(description = "organization (the default) or person")
                        @RequestParam(defaultValue = "organization") String kind,
                        @Parameter(description = "The party's country, ISO 3166-1 alpha-2")
                        @RequestParam(required = false) String country,
                        @Parameter(description = "The date the lists are taken as of (YYYY-MM-DD; default today)")
                        @RequestParam(name = "as_of", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        Actor actor) {
        String source = "GET /api/screen";
        ScreeningLog.requireScreener(actor);
        if (!kind.equals("organization") && !kind.equals("person")) {
            throw new InvalidInput(source, "kind", "'" + kind + "' is not one of organization, person");
        }
        List<String> countries = country == null || country.isBlank() ? List.of() : List.of(country);
        DeskQuery q = DeskQueries.check(source, name, kind, countries, null, null, asOf, null, false, log.listKeys(), log.today());
        LoggedScreening s = log.screen(q, actor, Channel.API);
        List<Hit> hits = new ArrayList<>();
        List<Hit> cleared = new ArrayList<>();
        for (LoggedResult r : s.results()) {
            Hit h = new Hit(q.name(), r.list(), r.category(), r.sourceId(), r.entityName(), r.matchedName(), r.score(), r.listedOn(),
                    r.delistedOn(), r.programs(), r.explanation(), r.versionId(), r.contentSha(), null);
            (r.cleared() ? cleared : hits).add(h);
        }
        return new Screened(s.id(), q.name(), kind, q.countries().isEmpty() ? null : q.countries().getFirst(), q.asOf(), hits, cleared);
    }

    static Outcome outcome(String value, String source) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(source, "outcome", "'" + value + "' is not one of NO_HITS, POTENTIAL_MATCH, TRUE_MATCH, CLEARED");
        }
    }
}
