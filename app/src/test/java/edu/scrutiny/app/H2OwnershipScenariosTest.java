package edu.scrutiny.app;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ownership scenarios on the embedded default: H2 in a data directory. */
class H2OwnershipScenariosTest extends OwnershipScenarios {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-h2")));
    }
}
