package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
class PostgresMonitoringScenariosTest extends MonitoringScenarios {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
    }
}
