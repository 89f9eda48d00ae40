package edu.scrutiny.app.operations;

import edu.scrutiny.app.screening.Screening;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: an instance takes screening traffic only once its screening index is in memory (the
 * first build reads every list version, which takes seconds on official lists). {@link IndexWarmUp}
 * starts that build when the server starts.
 */
@Component("screeningIndex")
class ScreeningIndexHealth implements HealthIndicator {
    private final Screening screening;

    ScreeningIndexHealth(Screening screening) {
        this.screening = screening;
    }

    @Override
    public Health health() {
        return screening.lastBuild()
                .map(b -> Health.up().withDetail("entries", b.entries()).withDetail("versions", b.versions())
                        .withDetail("build_ms", b.took().toMillis()).withDetail("built_at", b.builtAt().toString()).build())
                .orElseGet(() -> Health.outOfService().withDetail("reason", "the screening index is being built").build());
    }
}
