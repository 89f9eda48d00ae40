package edu.scrutiny.app.review;

import edu.scrutiny.app.Scenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Review and decision on the embedded default: H2 in a data directory. */
class H2ReviewScenariosTest extends ReviewScenarios {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-review")));
        mail(registry);
    }
}
