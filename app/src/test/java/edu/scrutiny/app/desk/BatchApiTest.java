package edu.scrutiny.app.desk;

import edu.scrutiny.app.Scenarios;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** {@link BatchScenarios} on H2, the embedded default. */
class BatchApiTest extends BatchScenarios {
    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
    }
}
