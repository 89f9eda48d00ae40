package edu.scrutiny.app;

import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ownership scenarios on PostgreSQL (a fresh database on the server .ci/run starts). */
@EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
class PostgresOwnershipScenariosTest extends OwnershipScenarios {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
    }
}
