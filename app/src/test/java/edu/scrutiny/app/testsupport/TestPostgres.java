package edu.scrutiny.app.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that the database tests run against, besides H2.
 *
 * <p>The server is not started here: {@code dev/postgres start DIR} starts a throw-away one and prints
 * its JDBC URL, which the tests receive in the environment variable {@code SCRUTINY_TEST_POSTGRES_URL}
 * (or the system property {@code scrutiny.test.postgres.url}). {@code .ci/run} does this and also sets
 * {@code SCRUTINY_TEST_POSTGRES_REQUIRED=true}, so that in CI a missing URL fails the build instead of
 * quietly skipping the PostgreSQL tests. Without a URL, on a developer's machine, the PostgreSQL tests
 * are skipped (aborted, in JUnit's terms) with a visible message.
 *
 * <p>Why a database per caller: each Spring test context that runs against PostgreSQL calls
 * {@link #freshDatabase()} and gets a new, empty database of its own. Flyway then migrates it from
 * empty, exactly as on a new installation, and contexts (which Spring caches and may keep alive side by
 * side) never see each other's tables or rows, nor depend on the order the test classes run in. H2
 * gets the same isolation from a fresh in-memory database per context.
 *
 * <p>The databases are dropped by one JVM shutdown hook. Spring may still be closing its connection
 * pools at that moment (shutdown hooks run concurrently), hence {@code DROP DATABASE ... WITH (FORCE)},
 * which disconnects them. A JVM that is killed leaves its databases behind; they live in the
 * throw-away server, so stopping it ({@code dev/postgres stop DIR}) and removing DIR cleans them up.
 *
 * <p>Where to call {@link #freshDatabase()}: an abort ({@code TestAbortedException}) only marks the
 * tests as skipped if it reaches JUnit unwrapped; thrown while Spring is loading a context, it becomes
 * part of a "Failed to load ApplicationContext" error. Callers that may run without a URL should check
 * {@link #adminUrl()} (or call {@link #freshDatabase()}) before the context is loaded, e.g. in a static
 * {@code @BeforeAll} method.
 *
 * <p>Only {@code java.sql} is used, with the PostgreSQL JDBC driver on the test class path.
 */
public final class TestPostgres {

    /** Environment variable holding the admin JDBC URL, as printed by {@code dev/postgres start}. */
    public static final String URL_ENV = "SCRUTINY_TEST_POSTGRES_URL";

    /** System property read when {@link #URL_ENV} is not set. */
    public static final String URL_PROPERTY = "scrutiny.test.postgres.url";

    /** Environment variable that, when {@code true}, turns a missing URL into an error instead of a skip. */
    public static final String REQUIRED_ENV = "SCRUTINY_TEST_POSTGRES_REQUIRED";

    private static final String PREFIX = "jdbc:postgresql://";
    private static final String SKIP_MESSAGE =
            "SKIPPED: PostgreSQL tests need SCRUTINY_TEST_POSTGRES_URL (dev/postgres start DIR prints one)";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** Databases created by this JVM, dropped by {@link #dropCreatedDatabases}; guarded by itself. */
    private static final List<String> CREATED = new ArrayList<>();

    private static boolean shutdownHookRegistered;

    private TestPostgres() {
    }

    /**
     * The JDBC URL of the server's admin database ({@code jdbc:postgresql://HOST:PORT/DB?params}):
     * the environment variable {@value #URL_ENV}, else the system property {@value #URL_PROPERTY},
     * else empty. Blank values count as unset.
     */
    public static Optional<String> adminUrl() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            url = System.getProperty(URL_PROPERTY);
        }
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    /**
     * For {@code @EnabledIf}: whether the PostgreSQL tests can run. Decided before any Spring context
     * loads, so a missing server shows as a skipped test with a visible message, not a context
     * failure; where {@value #REQUIRED_ENV} is {@code true} (CI), a missing server is an error.
     */
    public static boolean available() {
        if (adminUrl().isPresent()) {
            return true;
        }
        if ("true".equals(System.getenv(REQUIRED_ENV))) {
            throw new IllegalStateException(REQUIRED_ENV + " is set but " + URL_ENV + " is not");
        }
        System.err.println(SKIP_MESSAGE);
        return false;
    }

    /**
     * Creates a new, empty database {@code scrutiny_test_<12 hex digits>} on the server and returns its
     * JDBC URL: the admin URL with the database name replaced (same host, port and parameters). The
     * database is dropped when the JVM exits.
     *
     * <p>Without an admin URL: throws {@link IllegalStateException} if {@value #REQUIRED_ENV} is
     * {@code true}, else prints a "SKIPPED: ..." line to standard error and aborts the calling test
     * (JUnit reports it as skipped).
     *
     * @throws IllegalStateException if the URL is required but missing, or the database cannot be created
     */
    public static String freshDatabase() {
        Optional<String> admin = adminUrl();
        if (admin.isEmpty()) {
            String required = System.getenv(REQUIRED_ENV);
            if (required != null && required.strip().equalsIgnoreCase("true")) {
                throw new IllegalStateException(
                        "SCRUTINY_TEST_POSTGRES_REQUIRED is set but SCRUTINY_TEST_POSTGRES_URL is not");
            }
            System.err.println(SKIP_MESSAGE);
            return Assumptions.abort(SKIP_MESSAGE);
        }
        String adminUrl = admin.get();
        String name = "scrutiny_test_" + HEX.formatHex(randomBytes(6));
        String url = withDatabase(adminUrl, name);
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on " + adminUrl + ": " + e.getMessage(), e);
        }
        synchronized (CREATED) {
            CREATED.add(name);
            if (!shutdownHookRegistered) {
                Runtime.getRuntime().addShutdownHook(
                        new Thread(() -> dropCreatedDatabases(adminUrl), "drop-test-postgres-databases"));
                shutdownHookRegistered = true;
            }
        }
        return url;
    }

    /**
     * {@code jdbc:postgresql://HOST:PORT/DB?params} with DB replaced by {@code database}; the host part
     * may also be a list of hosts or a bracketed IPv6 address, the database and the parameters may be
     * absent.
     */
    static String withDatabase(String url, String database) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "expected a JDBC URL of the form " + PREFIX + "HOST:PORT/DB?params, got " + url);
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String beforeParams = query < 0 ? rest : rest.substring(0, query);
        int slash = beforeParams.indexOf('/');
        String hosts = slash < 0 ? beforeParams : beforeParams.substring(0, slash);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no host in JDBC URL " + url);
        }
        return PREFIX + hosts + "/" + database + params;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void dropCreatedDatabases(String adminUrl) {
        List<String> names;
        synchronized (CREATED) {
            names = List.copyOf(CREATED);
            CREATED.clear();
        }
        if (names.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException ignored) {
                    // Best effort: the server is throw-away.
                }
            }
        } catch (SQLException | RuntimeException ignored) {
            // Best effort: the server may already be gone.
        }
    }
}
