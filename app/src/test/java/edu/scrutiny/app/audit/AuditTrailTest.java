package edu.scrutiny.app.audit;

import edu.scrutiny.app.Scenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit trail on the embedded default: H2 in a data directory. */
class AuditTrailTest extends AuditTrailCases {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-audit")));
    }
}
