package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.CurrentActor;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Thresholds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The W3C Reconciliation Service API 0.2 at {@code /reconcile/{dataset}}, so that OpenRefine can
 * reconcile a column of partner names against Scrutiny's lists: the manifest, query batches (GET
 * or POST {@code queries}), the preview card and entity suggestions. Entity ids are those of the
 * yente API ({@link FtmIds}); types are FollowTheMoney schemata. Every name reconciled or suggested
 * is logged as a screening.
 */
@RestController
@RequestMapping(path = "/reconcile/{dataset}")
@Tag(name = "Reconciliation", description = "The W3C Reconciliation Service API 0.2 (OpenRefine) over Scrutiny's lists")
class ReconcileController {
    private static final int SUGGEST_LIMIT = 10;

    private final InteropScreening screening;
    private final ScreeningLog log;
    private final CurrentActor current;

    ReconcileController(InteropScreening screening, ScreeningLog log, CurrentActor current) {
        this.screening = screening;
        this.log = log;
        this.current = current;
    }

    @GetMapping(params = "!queries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The service manifest (public: OpenRefine reads from it how to sign in)")
    Map<String, Object> manifest(@PathVariable String dataset) {
        Datasets.lists(dataset, null, null, log.listKeys(), "GET /reconcile/" + dataset);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String service = base + "/reconcile/" + dataset;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versions", List.of("0.2"));
        m.put("name", "Scrutiny restricted-party lists (" + dataset + ")");
        m.put("identifierSpace", base + "/yente/entities/");
        m.put("schemaSpace", "https://followthemoney.tech/explorer/schemata/");
        m.put("documentation", base + "/api-docs.html");
        m.put("batchSize", ReconcileQueries.BATCH_SIZE);
        m.put("authentication", Map.of("type", "apiKey", "name", "Authorization", "in", "header",
                "description", "A Scrutiny API token, sent as: Authorization: ApiKey TOKEN (Bearer TOKEN works too)"));
        m.put("view", Map.of("url", base + "/yente/entities/{{id}}"));
        m.put("preview", Map.of("url", service + "/preview?id={{id}}", "width", 420, "height", 220));
        m.put("suggest", Map.of("entity", Map.of("service_url", service, "service_path", "/suggest/entity")));
        List<Map<String, String>> types = new ArrayList<>();
        for (Schema s : Schema.values()) {
            types.add(Map.of("id", s.ftmName(), "name", s.ftmName()));
        }
        m.put("defaultTypes", types);
        return m;
    }

    @GetMapping(params = "queries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answers a batch of up to " + ReconcileQueries.BATCH_SIZE + " queries (the queries parameter)")
    Map<String, Object> get(@PathVariable String dataset, @RequestParam String queries, Actor actor) {
        return reconcile(dataset, queries, actor, "GET /reconcile/" + dataset);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answers a batch of up to " + ReconcileQueries.BATCH_SIZE + " queries (the form field queries)")
    Map<String, Object> post(@PathVariable String dataset, @RequestParam String queries, Actor actor) {
        return reconcile(dataset, queries, actor, "POST /reconcile/" + dataset);
    }

    private Map<String, Object> reconcile(String dataset, String queries, Actor actor, String source) {
        ScreeningLog.requireScreener(actor);
        Set<String> held = log.listKeys();
        Set<String> lists = Datasets.lists(dataset, null, null, held, source);
        List<ReconcileQueries.Parsed> parsed = ReconcileQueries.read(queries, lists, log.today(), held, source);
        ScreeningSnapshot snapshot = screening.snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        for (ReconcileQueries.Parsed q : parsed) {
            double threshold = Thresholds.defaultFor(q.query().schema());
            List<Hit> hits = screening.screen(List.of(q.query()), actor, Channel.RECONCILE, snapshot, q.limit(),
                    Math.min(YenteController.FLOOR, threshold), h -> true).hits();
            List<Map<String, Object>> result = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                Hit h = hits.get(i);
                // a certain match only when the best candidate is over the threshold and no other one is
                boolean match = i == 0 && h.score() >= threshold && (hits.size() == 1 || hits.get(1).score() < threshold);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", FtmIds.id(h.list(), h.sourceId()));
                c.put("name", h.entityName());
                c.put("description", description(h));
                c.put("score", Math.round(h.score() * 1000) / 10.0);
                c.put("match", match);
                c.put("type", List.of(Map.of("id", h.entry().schema().ftmName(), "name", h.entry().schema().ftmName())));
                c.put("features", List.of(Map.of("id", "scrutiny_score", "value", h.score())));
                result.add(c);
            }
            out.put(q.key(), Map.of("result", result));
        }
        return out;
    }

    @GetMapping(path = "/suggest/entity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Entities whose names are like a prefix, for auto-completion")
    Map<String, Object> suggest(@PathVariable String dataset, @RequestParam String prefix,
                                @RequestParam(defaultValue = "0") int cursor, Actor actor) {
        String source = "GET /reconcile/" + dataset + "/suggest/entity";
        ScreeningLog.requireScreener(actor);
        Set<String> held = log.listKeys();
        Set<String> lists = Datasets.lists(dataset, null, null, held, source);
        DeskQuery checked = DeskQueries.check(source, prefix, null, null, null, null, null, "reconciliation suggest", false, held,
                log.today());
        DeskQuery q = new DeskQuery(checked.name(), null, List.of(), null, lists, checked.asOf(), checked.purpose(), false);
        ScreeningSnapshot snapshot = screening.snapshot();
        List<Hit> hits = screening.screen(List.of(q), actor, Channel.RECONCILE, snapshot, SUGGEST_LIMIT + Math.max(0, cursor),
                YenteController.FLOOR, h -> true).hits();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Hit h : hits.subList(Math.min(Math.max(0, cursor), hits.size()), hits.size())) {
            result.add(Map.of("id", FtmIds.id(h.list(), h.sourceId()), "name", h.entityName(), "description", description(h),
                    "notable", List.of(Map.of("id", h.entry().schema().ftmName(), "name", h.entry().schema().ftmName()))));
        }
        return Map.of("result", result);
    }

    @GetMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "An HTML card of an entry, for OpenRefine's preview iframe")
    String preview(@PathVariable String dataset, @RequestParam String id) {
        java.util.Optional<Actor> actor = current.get();
        actor.ifPresent(ScreeningLog::requireReader);
        FtmIds.Ref ref = FtmIds.parse(id).orElseThrow(() -> new NotFound("entity '" + id + "'"));
        ScreeningSnapshot snapshot = screening.snapshot();
        if (actor.isEmpty() && !PublicPreview.shows(snapshot, ref.list(), log.today())) {
            // the security chain lets an iframe without credentials in only when OpenRefine's origins are configured
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "this entry's card needs an API token: without one, cards show only entries of published government lists");
        }
        ScreeningSnapshot.HeldEntry held = snapshot.entry(ref.list(), ref.sourceId(), log.today())
                .orElseThrow(() -> new NotFound("entity '" + id + "'"));
        if (actor.isEmpty() && held.entry().category() != null && !PublicPreview.PUBLISHED.contains(held.entry().category().key())) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "this entry's card needs an API token: without one, cards show only entries of published government lists");
        }
        FtmEntity e = FtmEntity.of(held);
        // no inline style: the card is served under the same Content-Security-Policy as every page (default-src 'self')
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(e.caption())).append("</title></head><body><h1>").append(esc(e.caption())).append("</h1><p>")
                .append(esc(e.schema())).append(" on ").append(esc(ref.list())).append(" #").append(esc(ref.sourceId()))
                .append("</p><dl>");
        for (Map.Entry<String, List<String>> p : e.properties().entrySet()) {
            if (!p.getKey().equals("name")) {
                html.append("<dt>").append(esc(p.getKey())).append("</dt><dd>").append(esc(String.join("; ", p.getValue()))).append("</dd>");
            }
        }
        return html.append("</dl></body></html>").toString();
    }

    private static String description(Hit h) {
        String countries = String.join(", ", h.entry().countries());
        return h.list() + (h.programs() == null || h.programs().isEmpty() ? "" : ", " + String.join("; ", h.programs()))
                + (countries.isEmpty() ? "" : " (" + countries.toUpperCase(Locale.ROOT) + ")");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
