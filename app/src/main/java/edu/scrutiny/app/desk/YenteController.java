package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.matching.Thresholds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenSanctions yente API, so that a yente client works with the base URL {@code
 * http://host/yente}: {@code POST /match/{dataset}}, {@code GET /search/{dataset}}, {@code GET
 * /entities/{id}}. Scrutiny's matcher answers whatever {@code algorithm} is asked for (the request
 * and the answer say so); every name matched or searched is logged as a screening.
 */
@RestController
@RequestMapping(path = "/yente", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "yente", description = "The OpenSanctions yente API (match, search, entities) over Scrutiny's lists")
class YenteController {
    static final String MATCHER = "scrutiny";
    /** Candidates below this are not answered even when the caller's threshold is lower: they would be noise. */
    static final double FLOOR = 0.5;
    private static final int MAX_LIMIT = 500;

    private final InteropScreening screening;
    private final ScreeningLog log;

    YenteController(InteropScreening screening, ScreeningLog log) {
        this.screening = screening;
        this.log = log;
    }

    @PostMapping(path = "/match/{dataset}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Match up to " + YenteQueries.MAX_QUERIES + " FollowTheMoney queries against a dataset (a list key, or default)")
    Map<String, Object> match(@PathVariable String dataset, @RequestBody String body,
                              @RequestParam(defaultValue = "5") int limit,
                              @Parameter(description = "Score at which a result is a match (default: Scrutiny's calibrated threshold for the schema)")
                              @RequestParam(required = false) Double threshold,
                              @Parameter(description = "Accepted and reported; Scrutiny's matcher answers")
                              @RequestParam(required = false) String algorithm,
                              @RequestParam(name = "include_dataset", required = false) List<String> include,
                              @RequestParam(name = "exclude_dataset", required = false) List<String> exclude,
                              @Parameter(description = "Only entries whose content changed on or after this date")
                              @RequestParam(name = "changed_since", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate changedSince,
                              Actor actor) {
        String source = "POST /yente/match/" + dataset;
        ScreeningLog.requireScreener(actor);
        checkLimit(limit, source);
        if (threshold != null && (threshold < 0 || threshold > 1 || threshold.isNaN())) {
            throw new InvalidInput(source, "threshold", "must be between 0 and 1, was " + threshold);
        }
        Set<String> held = log.listKeys();
        Set<String> lists = Datasets.lists(dataset, include, exclude, held, source);
        List<YenteQueries.Parsed> queries = YenteQueries.read(Documents.parseJson(body == null ? "" : body, source), lists, log.today(),
                held, source, "yente match");
        ScreeningSnapshot snapshot = screening.snapshot();
        ObjectNode responses = Documents.JSON.createObjectNode();
        for (YenteQueries.Parsed q : queries) {
            double t = threshold != null ? threshold : Thresholds.defaultFor(q.names().getFirst().schema());
            InteropScreening.Found found = screening.screen(q.names(), actor, Channel.YENTE, snapshot, limit, Math.min(FLOOR, t),
                    h -> changedSince == null || !snapshot.held(h.entry()).firstSeen().isBefore(changedSince.atStartOfDay(ZoneOffset.UTC).toInstant()));
            ObjectNode r = responses.putObject(q.key());
            r.put("status", 200);
            ArrayNode results = r.putArray("results");
            for (Hit h : found.hits()) {
                ObjectNode e = entity(snapshot, h);
                e.put("score", h.score());
                e.put("match", h.score() >= t);
                e.putObject("features").put(MATCHER, h.score());
                e.putObject("explanations").putObject(MATCHER).put("score", h.score()).put("detail", h.explanation())
                        .put("matched_name", h.matchedName());
                results.add(e);
            }
            r.putObject("total").put("value", found.hits().size()).put("relation", "eq");
            r.set("query", q.given());
            ArrayNode ids = r.putArray("screening_ids");
            found.screeningIds().forEach(ids::add);
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("responses", responses);
        out.put("matcher", Map.of(MATCHER, Map.of("description", "Scrutiny's name matcher: names transliterated, compared part by part, "
                + "adjusted for country and birth date; see docs/matching.md", "coefficient", 1.0)));
        out.put("algorithm", MATCHER);
        if (algorithm != null) {
            out.put("requested_algorithm", algorithm);
        }
        out.put("limit", limit);
        return out;
    }

    @GetMapping("/search/{dataset}")
    @Operation(summary = "Search a dataset (a list key, or default) by name, with facets by dataset, schema and country")
    Map<String, Object> search(@PathVariable String dataset, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String schema,
                               @RequestParam(required = false) List<String> countries,
                               @RequestParam(defaultValue = "10") int limit, @RequestParam(defaultValue = "0") int offset,
                               Actor actor) {
        String source = "GET /yente/search/" + dataset;
        ScreeningLog.requireScreener(actor);
        checkLimit(limit, source);
        if (offset < 0 || offset + limit > MAX_LIMIT) {
            throw new InvalidInput(source, "offset", "must be at least 0 with offset + limit at most " + MAX_LIMIT);
        }
        Set<String> held = log.listKeys();
        Set<String> lists = Datasets.lists(dataset, null, null, held, source);
        DeskQuery checked = DeskQueries.check(source, q, schema, countries, null, null, null, "yente search", false, held, log.today());
        DeskQuery query = new DeskQuery(checked.name(), checked.schema(), checked.countries(), null, lists, checked.asOf(),
                checked.purpose(), false);
        ScreeningSnapshot snapshot = screening.snapshot();
        List<Hit> all = snapshot.screen(query.matcherQuery(), query.asOf(), lists, MAX_LIMIT, FLOOR);
        List<Hit> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        long id = log.screen(query, actor, Channel.YENTE, snapshot, page).id();
        Map<String, Map<String, Integer>> facets = Map.of("datasets", new TreeMap<>(), "schema", new TreeMap<>(), "countries", new TreeMap<>());
        ArrayNode results = Documents.JSON.createArrayNode();
        for (Hit h : all) {
            facets.get("datasets").merge(h.list(), 1, Integer::sum);
            facets.get("schema").merge(h.entry().schema().ftmName(), 1, Integer::sum);
            h.entry().countries().forEach(c -> facets.get("countries").merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum));
        }
        for (Hit h : page) {
            results.add(entity(snapshot, h));
        }
        ObjectNode facetNode = Documents.JSON.createObjectNode();
        for (String f : List.of("datasets", "schema", "countries")) {
            ObjectNode facet = facetNode.putObject(f);
            facet.put("label", switch (f) {
                case "datasets" -> "Data sources";
                case "schema" -> "Types";
                default -> "Countries";
            });
            ArrayNode values = facet.putArray("values");
            facets.get(f).forEach((name, count) -> values.addObject().put("name", name).put("label", name).put("count", count));
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("total", Map.of("value", all.size(), "relation", "eq"));
        out.put("results", results);
        out.put("facets", facetNode);
        out.put("screening_id", id);
        return out;
    }

    @GetMapping("/entities/{id}")
    @Operation(summary = "An entry in FollowTheMoney form, by its id (LIST.SOURCE_ID, see docs/screening-desk.md)")
    FtmEntity entity(@PathVariable String id, Actor actor) {
        ScreeningLog.requireReader(actor);
        FtmIds.Ref ref = FtmIds.parse(id).orElseThrow(() -> new NotFound("entity '" + id + "'"));
        return screening.snapshot().entry(ref.list(), ref.sourceId(), log.today()).map(FtmEntity::of)
                .orElseThrow(() -> new NotFound("entity '" + id + "'"));
    }

    private static ObjectNode entity(ScreeningSnapshot snapshot, Hit h) {
        return (ObjectNode) Documents.JSON.valueToTree(FtmEntity.of(snapshot.held(h.entry())));
    }

    private static void checkLimit(int limit, String source) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput(source, "limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
