package edu.scrutiny.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenarios on the embedded default: H2 in a data directory. */
class H2AssessmentScenariosTest extends AssessmentScenarios {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // not @TempDir: with one instance per class, Spring reads this before JUnit would fill it in
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-h2")));
    }
}
