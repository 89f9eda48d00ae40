package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2MonitoringScenariosTest extends MonitoringScenarios {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-h2")));
    }
}
