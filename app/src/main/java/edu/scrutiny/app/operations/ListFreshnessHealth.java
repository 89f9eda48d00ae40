package edu.scrutiny.app.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The age of each list against its source's period, in the health details. A stale list is a
 * {@code WARNING} (HTTP 200, see the status order in application.yaml) and is not part of the
 * readiness group: a publisher being down must never take an instance out of service, since
 * screening against yesterday's list beats not screening.
 */
@Component("listFreshness")
class ListFreshnessHealth implements HealthIndicator {
    static final Status WARNING = new Status("WARNING", "a list is older than twice its source's refresh period");
    private final ListAges freshness;

    ListFreshnessHealth(ListAges freshness) {
        this.freshness = freshness;
    }

    @Override
    public Health health() {
        Map<String, Object> lists = new LinkedHashMap<>();
        boolean stale = false;
        for (ListAges.Age a : freshness.ages()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("version", a.versionId());
            d.put("current_as_of", a.current() == null ? null : a.current().toString());
            d.put("age", a.age().toString());
            d.put("period", a.period().toString());
            d.put("stale", a.stale());
            lists.put(a.list(), d);
            stale |= a.stale();
        }
        return Health.status(stale ? WARNING : Status.UP).withDetail("lists", lists).build();
    }
}
