package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.lists.ListCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** Monitoring over the REST API: alerts, list sources, refreshes. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitoring", description = "Alerts raised when lists change or items come due; list sources and refreshes")
class MonitoringController {
    private final Alerts alerts;
    private final ListSources sources;

    MonitoringController(Alerts alerts, ListSources sources) {
        this.alerts = alerts;
        this.sources = sources;
    }

    @GetMapping("/alerts")
    @Operation(summary = "The open alerts, oldest first (all alerts of one engagement with ?engagement=ID)")
    List<Alert> listAlerts(@RequestParam(name = "engagement", required = false) String engagement) {
        return engagement == null ? alerts.open() : alerts.forEngagement(engagement);
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    @Operation(summary = "Acknowledge an alert: it is no longer open")
    Alert acknowledge(@PathVariable long id, Actor actor) {
        if (alerts.find(id).isEmpty()) {
            throw new NotFound("no alert " + id);
        }
        return alerts.acknowledge(id, actor.username());
    }

    @GetMapping("/list-sources")
    @Operation(summary = "The list sources, their schedules and how their last refresh went")
    List<ListSourceSettings> listSources() {
        return sources.all();
    }

    /** A list source as posted: {@code every} as 24h, 30m, 7d or an ISO-8601 duration. */
    record SourceRequest(String list, String location, String every, String category) {
    }

    @PostMapping(path = "/list-sources", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add or replace a list's source: an https URL on a public address, or a file in the import directory",
            description = "scrutiny.sources.allow-http, scrutiny.sources.allow-private-addresses and scrutiny.sources.import-directory "
                    + "widen what is accepted; see the monitoring documentation.")
    ListSourceSettings addSource(@RequestBody SourceRequest request, Actor actor) {
        Duration every;
        try {
            every = ListSources.parseEvery(request.every() == null ? "24h" : request.every());
        } catch (RuntimeException e) {
            throw new InvalidInput("POST /api/list-sources", "every", "'" + request.every() + "' is not a period such as 24h, 30m or 7d");
        }
        ListCategory category = null;
        if (request.category() != null) {
            category = ListCategory.fromKey(request.category()).orElseThrow(() -> new InvalidInput("POST /api/list-sources", "category",
                    "'" + request.category() + "' is not one of sanctions, denial, export_control, research_security, watchlist"));
        }
        if (request.location() == null || request.location().isBlank()) {
            throw new InvalidInput("POST /api/list-sources", "location", "is required");
        }
        return sources.add(request.list(), request.location(), every, category, actor.username());
    }

    @PostMapping("/list-sources/{list}/refresh")
    @Operation(summary = "Refresh a list from its source now; a failed refresh keeps the version in force and raises LIST_REFRESH_FAILED")
    List<RefreshOutcome> refresh(@PathVariable String list, @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
            Actor actor) throws InterruptedException {
        if (sources.find(list).isEmpty()) {
            throw new NotFound("no source for list " + list);
        }
        return sources.refresh(list, confirm, actor.username());
    }
}
