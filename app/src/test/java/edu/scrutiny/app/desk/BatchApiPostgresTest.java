package edu.scrutiny.app.desk;

import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link BatchApiTest} against PostgreSQL: the batch tables, their batch inserts and the take-over's conditional update. */
@EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
class BatchApiPostgresTest extends BatchApiTest {
    @DynamicPropertySource
    // registered after BatchApiTest's H2 URL, so this one counts
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
    }
}
