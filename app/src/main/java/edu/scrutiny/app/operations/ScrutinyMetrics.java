package edu.scrutiny.app.operations;

import edu.scrutiny.app.identity.SignInFailed;
import edu.scrutiny.app.lists.ListVersionImported;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.ListRefreshed;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningObserver;
import edu.scrutiny.app.support.ServerOnly;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrutiny's own metrics, every name starting {@code scrutiny.} (Prometheus: {@code scrutiny_}).
 * docs/operations.md lists them with example alert rules; keep the two in step.
 */
@Component
@ServerOnly
class ScrutinyMetrics implements ScreeningObserver {
    private final MeterRegistry registry;
    private final Screening screening;
    private final ListAges freshness;
    private final OpenWork work;
    private final Set<String> listsWithGauges = ConcurrentHashMap.newKeySet();
    private volatile IndexBuild lastBuild;

    ScrutinyMetrics(MeterRegistry registry, @org.springframework.context.annotation.Lazy Screening screening,
                    ListAges freshness, OpenWork work) {
        this.registry = registry;
        this.screening = screening;
        this.freshness = freshness;
        this.work = work;
        Gauge.builder("scrutiny.index.entries", () -> lastBuild == null ? 0 : lastBuild.entries())
                .description("Entries in the screening index in memory").register(registry);
        Gauge.builder("scrutiny.index.build.seconds", () -> lastBuild == null ? 0 : lastBuild.took().toNanos() / 1e9)
                .description("How long the last build of the screening index took").register(registry);
        for (AlertKind kind : AlertKind.values()) {
            Gauge.builder("scrutiny.alerts.open", () -> work.counts().alertsByKind().getOrDefault(kind.name(), 0))
                    .tag("kind", kind.name()).description("Open (unacknowledged) alerts by kind").register(registry);
        }
        for (Tier tier : Tier.values()) {
            for (String age : OpenWork.AGE_BUCKETS) {
                Gauge.builder("scrutiny.cases.open", () -> work.counts().casesByTierAndAge().getOrDefault(tier.name() + "/" + age, 0))
                        .tags("tier", tier.name(), "age", age).description("Open review cases by tier and age since opened").register(registry);
            }
            Gauge.builder("scrutiny.cases.oldest.days", () -> work.counts().oldestCaseDaysByTier().getOrDefault(tier.name(), 0L))
                    .tag("tier", tier.name()).description("Age in days of the oldest open review case of the tier").register(registry);
        }
    }

    @Override
    public void screened(Duration took, List<Hit> hits) {
        Timer.builder("scrutiny.screening").tag("path", path())
                .description("Time to screen one name against every enabled list, by the way the screening came in")
                .publishPercentileHistogram().register(registry).record(took);
        Set<String> lists = new HashSet<>();
        for (Hit h : hits) {
            lists.add(h.list());
        }
        for (String list : lists) {
            Counter.builder("scrutiny.screening.hits").tag("list", list)
                    .description("Screenings that found at least one hit on the list").register(registry).increment();
        }
    }

    @Override
    public void indexBuilt(IndexBuild build) {
        lastBuild = build;
        Counter.builder("scrutiny.index.builds").description("Builds of the screening index").register(registry).increment();
    }

    /**
     * The route of a screening: the request mapping's pattern (for example {@code /api/screen} or
     * {@code /api/engagements}), or {@code background} for the jobs and re-screening. Patterns, not
     * URLs, so the number of series stays small.
     */
    private static String path() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes s) {
            HttpServletRequest request = s.getRequest();
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return pattern == null ? "other" : pattern.toString();
        }
        return "background";
    }

    @EventListener
    void on(ListVersionImported e) {
        Counter.builder("scrutiny.list.imports").tag("list", e.listKey()).description("List versions imported").register(registry).increment();
        listGauges();
    }

    @EventListener
    void on(ListRefreshed e) {
        Counter.builder("scrutiny.list.refreshes").tags("list", e.outcome().list(), "outcome", e.outcome().status())
                .description("Refreshes of a list from its source, by outcome").register(registry).increment();
        listGauges();
    }

    @EventListener
    void on(edu.scrutiny.app.monitoring.ListSourceChanged e) {
        listGauges();
    }

    @EventListener
    void on(SignInFailed e) {
        Counter.builder("scrutiny.signin.failures").tag("method", e.method() == null ? "unknown" : e.method())
                .description("Refused sign-ins (password, token, OpenID Connect, Shibboleth)").register(registry).increment();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        listGauges();
        screening.lastBuild().ifPresent(b -> lastBuild = b);
    }

    /** The age and period of each list with a source, registered once per list as lists appear. */
    private void listGauges() {
        for (ListAges.Age a : freshness.ages()) {
            if (listsWithGauges.add(a.list())) {
                String list = a.list();
                Gauge.builder("scrutiny.list.age.seconds", () -> ageOf(list)).tag("list", list)
                        .description("Seconds since the list was last known current (last successful refresh or import)").register(registry);
                Gauge.builder("scrutiny.list.refresh.period.seconds", () -> periodOf(list)).tag("list", list)
                        .description("The list source's refresh period").register(registry);
            }
        }
    }

    private double ageOf(String list) {
        return freshness.ages().stream().filter(a -> a.list().equals(list)).findFirst().map(a -> (double) a.age().toSeconds()).orElse(Double.NaN);
    }

    private double periodOf(String list) {
        return freshness.ages().stream().filter(a -> a.list().equals(list)).findFirst().map(a -> (double) a.period().toSeconds()).orElse(Double.NaN);
    }
}
