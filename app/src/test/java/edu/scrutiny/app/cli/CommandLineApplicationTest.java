package edu.scrutiny.app.cli;

import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.operations.BackupArchive;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a single command on a data directory starts ({@link CommandLineApplication}): the modules'
 * services on a migrated database, and nothing only a server uses.
 */
class CommandLineApplicationTest {
    @TempDir
    Path dir;

    @Test
    void aCommandStartsTheServicesWithoutTheServersComponents() {
        try (DataSession session = DataSession.open(dir.resolve("data"))) {
            ConfigurableApplicationContext context = session.context();
            assertThat(context.getBeanNamesForAnnotation(Controller.class)).as("controllers and web pages").isEmpty();
            assertThat(context.getBeanNamesForAnnotation(ControllerAdvice.class)).isEmpty();
            assertThat(context.getBeanNamesForType(jakarta.servlet.Filter.class)).as("request filters").isEmpty();
            assertThat(context.getBeanNamesForType(HealthIndicator.class)).isEmpty();
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).as("metrics").isEmpty();
            assertThat(context.getBeanNamesForType(org.springframework.security.web.SecurityFilterChain.class)).isEmpty();
            // the services a command works with are there, made when first asked for
            assertThat(session.bean(Engagements.class).all()).isEmpty();
            assertThat(session.bean(BackupArchive.class)).isNotNull();
            assertThat(session.bean(JdbcClient.class)).isNotNull();
            session.succeeded();
        }
    }

    @Test
    void theDatabaseIsMigratedWhenTheCommandStartsNotWhenItFirstReadsIt() throws Exception {
        Path data = dir.resolve("data");
        try (DataSession session = DataSession.open(data)) {
            // no service asked for yet: Flyway has still run, at start (it is left out of the lazy initialisation)
            assertThat(session.context().getBeanFactory().containsSingleton("flywayInitializer")).isTrue();
            session.succeeded();
        }
        try (Connection c = DriverManager.getConnection(DataSession.h2Url(data), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isGreaterThan(10);
        }
    }

    @Test
    void theServerStillStartsTheWholeApplication() {
        try (DataSession session = DataSession.open(dir.resolve("server"), org.springframework.boot.WebApplicationType.SERVLET,
                java.util.Map.of("server.port", 0, "server.address", "127.0.0.1"))) {
            assertThat(session.context().getBeanNamesForAnnotation(Controller.class)).hasSizeGreaterThan(20);
            assertThat(session.context().getBeanNamesForType(MeterRegistry.class)).isNotEmpty();
            session.succeeded();
        }
    }
}
