package edu.scrutiny.app.cli;

import edu.scrutiny.app.ScrutinyApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application started for one command on a data directory: H2 in {@code DIR/scrutiny.mv.db}
 * unless {@code SPRING_DATASOURCE_URL} points elsewhere (PostgreSQL). A command that fails on a
 * data directory it created leaves nothing behind: the directory is removed again, so bad input
 * never leaves a half-made store.
 */
public final class DataSession implements AutoCloseable {
    static final String H2_FILE = "scrutiny.mv.db";

    private final ConfigurableApplicationContext context;
    private final Path dir;
    private final boolean createdDir;
    private final boolean createdDb;
    private boolean succeeded;

    private DataSession(ConfigurableApplicationContext context, Path dir, boolean createdDir, boolean createdDb) {
        this.context = context;
        this.dir = dir;
        this.createdDir = createdDir;
        this.createdDb = createdDb;
    }

    /**
     * The H2 URL for a data directory; the modes make H2 take the same SQL as PostgreSQL. Each
     * connection keeps its last 256 statements parsed (H2 keeps 8 by default): recording one
     * re-screened engagement runs a few dozen distinct statements (assessment, hits, case, alerts,
     * notifications, audit), so with 8 every one of them was parsed and planned anew.
     */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("scrutiny")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";
    }

    /** Starts the application without a web server, for one command ({@link CommandLineApplication}). */
    static DataSession open(Path dir) {
        return open(dir, WebApplicationType.NONE, Map.of());
    }

    static DataSession open(Path dir, WebApplicationType web, Map<String, Object> extra) {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new CommandProblem(dir + ": is a file, not a data directory");
        }
        boolean createdDir = !Files.exists(d);
        boolean createdDb = !Files.exists(d.resolve(H2_FILE));
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new CommandProblem(dir + ": cannot create the data directory: " + e.getMessage());
        }
        SpringApplication app = application(d, web, extra);
        try {
            return new DataSession(app.run(), d, createdDir, createdDb);
        } catch (RuntimeException e) {
            if (isLocked(e)) {
                throw new CommandProblem(dir + ": the data directory is in use by another Scrutiny process"
                        + " (the embedded database allows one at a time); try again when it has finished");
            }
            throw e;
        } finally {
            CommandLineAot.reset();
        }
    }

    /**
     * The application for a data directory, not yet started: a server the whole application, a
     * single command only what a command uses ({@link CommandLineApplication}), from the classes
     * generated for it at build time when they fit ({@link CommandLineAot}).
     */
    static SpringApplication application(Path d, WebApplicationType web, Map<String, Object> extra) {
        // a server starts the whole application; a single command only what a command uses
        SpringApplication app = new SpringApplication(web == WebApplicationType.NONE ? CommandLineApplication.class : ScrutinyApplication.class);
        app.setWebApplicationType(web);
        app.setLogStartupInfo(false);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", h2Url(d));
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.datasource.password", "");
        defaults.put("scrutiny.data", d.toString());
        if (web == WebApplicationType.NONE) {
            // a command builds the services it uses, when it first uses them (CommandLineApplication)
            defaults.put("spring.main.lazy-initialization", "true");
            defaults.put("logging.level.root", "WARN");
            defaults.put("logging.level.org.flywaydb", "WARN");
            // a failed start is reported by the command line in one line; Spring's own account would repeat it at length
            defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
            defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
        }
        defaults.putAll(extra);
        app.setDefaultProperties(defaults);
        if (web == WebApplicationType.NONE) {
            CommandLineAot.applyTo(app);
        }
        return app;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** The data directory, absolute. */
    java.nio.file.Path dir() {
        return dir;
    }

    /**
     * Runs a command's work on its data directory ({@code --data}): opens it, gives the work the
     * session and the command's output, and keeps what the work did once it returns (a failure on a
     * directory the session created removes it again).
     */
    static int run(CommandLine.Model.CommandSpec spec, java.util.function.BiConsumer<DataSession, java.io.PrintWriter> work) {
        try (DataSession session = open(ScrutinyCli.dataDirectory(spec))) {
            work.accept(session, spec.commandLine().getOut());
            session.succeeded();
        }
        return ScrutinyCli.OK;
    }

    /** Marks the command's work as done: the data directory is kept. */
    void succeeded() {
        succeeded = true;
    }

    @Override
    public void close() {
        shutDownEmbeddedDatabase();
        context.close();
        if (!succeeded && createdDb) {
            for (String f : List.of(H2_FILE, "scrutiny.trace.db")) {
                try {
                    Files.deleteIfExists(dir.resolve(f));
                } catch (IOException ignored) {
                    // best effort: the command's own error is what the user needs to see
                }
            }
            if (createdDir) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // not empty: something else was put there meanwhile; leave it
                }
            }
        }
    }

    /**
     * Closes an embedded H2 database at once, so that its file lock is released when the command
     * ends: the connection pool closes its connections in the background, and a command started
     * right after this one would otherwise find the data directory still in use.
     */
    private void shutDownEmbeddedDatabase() {
        try {
            javax.sql.DataSource ds = context.getBean(javax.sql.DataSource.class);
            try (java.sql.Connection c = ds.getConnection()) {
                if (c.getMetaData().getURL().startsWith("jdbc:h2:")) {
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("SHUTDOWN");
                    }
                }
            }
        } catch (Exception ignored) {
            // the context closes the pool anyway; this only makes the release immediate
        }
    }

    private static boolean isLocked(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getErrorCode() == 90020) { // H2 DATABASE_ALREADY_OPEN_1
                return true;
            }
            // Flyway's wrapper keeps only the message
            if (c.getMessage() != null && c.getMessage().contains("Database may be already in use")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
