package edu.scrutiny.app.operations;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.review.Queues;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open alerts and review cases, counted for the gauges. A scrape reads a dozen gauges; they
 * share one count, made at most every {@link #FRESH_FOR}, so a scrape costs two queries.
 */
@Component
class OpenWork {
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    /** The ages a review service level is measured in, as on the dashboard. */
    static final List<String> AGE_BUCKETS = List.of("under_7d", "7d_to_30d", "30d_to_90d", "over_90d");
    /** Reads every queue; changes nothing. */
    private static final Actor READER = new Actor("metrics", java.util.Set.of(Role.AUDITOR), null);

    private final Alerts alerts;
    private final Queues queues;
    private final Clock clock;
    private Counts counts;

    OpenWork(Alerts alerts, Queues queues, Clock clock) {
        this.alerts = alerts;
        this.queues = queues;
        this.clock = clock;
    }

    record Counts(Instant at, Map<String, Integer> alertsByKind, Map<String, Integer> casesByTierAndAge,
                  Map<String, Long> oldestCaseDaysByTier) {
    }

    synchronized Counts counts() {
        Instant now = clock.instant();
        if (counts != null && Duration.between(counts.at(), now).abs().compareTo(FRESH_FOR) < 0) {
            return counts;
        }
        Map<String, Integer> byKind = new HashMap<>();
        for (Alert a : alerts.open()) {
            byKind.merge(a.kind().name(), 1, Integer::sum);
        }
        Map<String, Integer> byTierAndAge = new HashMap<>();
        Map<String, Long> oldest = new HashMap<>();
        for (Queues.Entry q : queues.all(READER)) {
            byTierAndAge.merge(q.tier() + "/" + bucket(q.ageDays()), 1, Integer::sum);
            oldest.merge(q.tier(), q.ageDays(), Math::max);
        }
        counts = new Counts(now, byKind, byTierAndAge, oldest);
        return counts;
    }

    static String bucket(long days) {
        return days < 7 ? AGE_BUCKETS.get(0) : days < 30 ? AGE_BUCKETS.get(1) : days < 90 ? AGE_BUCKETS.get(2) : AGE_BUCKETS.get(3);
    }
}
