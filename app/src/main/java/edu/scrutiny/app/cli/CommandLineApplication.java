package edu.scrutiny.app.cli;

import edu.scrutiny.app.ScrutinyApplication;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application as a single command on a data directory starts it: the modules' services on the
 * database, without the server. {@link ScrutinyApplication} (which {@code serve} and the served
 * demo start) imports every auto-configuration on the class path, some 150 (web, security, OAuth,
 * actuator, metrics, Jackson, Thymeleaf...), and scans every component, controllers and web pages
 * included; a command used a handful of either, and parsing and building the rest was most of its
 * start. This one imports the database's auto-configurations (the data source, JDBC, transactions,
 * Flyway) and mail (notifications e-mail when {@code spring.mail.host} is set, from a command as
 * from the server), and scans the components but those only a server uses ({@link ServerComponents}).
 * Its beans are made when a command first asks for them ({@code spring.main.lazy-initialization},
 * set by {@link DataSession}): a command uses a few services of the thirty-odd, and each
 * transactional one costs a generated proxy class. Flyway's check is the exception
 * ({@link #migrateAtStart()}). Not a {@code @Configuration}, so that the server's component scan
 * never picks it up.
 */
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        TransactionManagerCustomizationAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        MailSenderAutoConfiguration.class})
@ComponentScan(basePackageClasses = ScrutinyApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ScrutinyApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = ServerComponents.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
class CommandLineApplication {

    /**
     * The database is opened and migrated when the application starts, as on a server, not when a
     * command first reads it: so a data directory in use by another process, or a database that
     * cannot be migrated, is reported as such by {@link DataSession#open} before any work begins.
     */
    @Bean
    static LazyInitializationExcludeFilter migrateAtStart() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
    }
}
