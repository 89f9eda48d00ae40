package edu.scrutiny.app.desk;

import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BatchScenarios} against PostgreSQL: the batch tables, their batch inserts and the take-over's conditional update. */
@EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
class BatchApiPostgresTest extends BatchScenarios {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    DataSource dataSource;

    @Test
    void theseTestsRunOnPostgresql() throws Exception {
        try (var c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
