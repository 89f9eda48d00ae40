package edu.scrutiny.app.operations;

import edu.scrutiny.app.monitoring.ListSourceSettings;
import edu.scrutiny.app.monitoring.ListSources;
import edu.scrutiny.app.support.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup of an embedded (H2) data directory as one zip: the database, copied consistently while
 * the server runs (H2's {@code BACKUP TO}, which a writer does not disturb), the local files that list
 * sources refresh from (they live outside the database, often outside the data directory), and a
 * manifest. {@link Restore} reads it back. On PostgreSQL the database is backed up with
 * {@code pg_dump} instead (docs/operations.md): the server cannot copy a database it does not hold.
 */
@Service
public class BackupArchive {
    public static final String FORMAT = "scrutiny-backup-1";
    public static final String MANIFEST = "manifest.properties";
    public static final String DATABASE = "scrutiny.mv.db";
    public static final String SOURCES = "list-sources/";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ListSources sources;
    private final Clock clock;

    BackupArchive(DataSource dataSource, JdbcClient jdbc, ListSources sources, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.sources = sources;
        this.clock = clock;
    }

    /** Whether this instance's database is the embedded one, which it can back up itself. */
    public boolean embedded() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** Writes the backup to {@code out}; throws {@link Conflict} on PostgreSQL. */
    public void write(OutputStream out) throws IOException {
        if (!embedded()) {
            throw new Conflict("the database is PostgreSQL: back it up with pg_dump (docs/operations.md, \"Backup and restore\")");
        }
        Path temp = Files.createTempDirectory("scrutiny-backup");
        try {
            Path h2zip = temp.resolve("database.zip");
            // the path is ours (a temporary directory), but quote it as SQL anyway
            jdbc.sql("BACKUP TO '" + h2zip.toString().replace("'", "''") + "'").update();
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("created_at", clock.instant().toString());
            manifest.setProperty("database", "h2");
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                copyDatabase(h2zip, zip);
                for (ListSourceSettings s : sources.all()) {
                    Path local = localFile(s.location());
                    if (local != null) {
                        String name = SOURCES + s.listKey() + "/" + local.getFileName();
                        zip.putNextEntry(new ZipEntry(name));
                        Files.copy(local, zip);
                        zip.closeEntry();
                        manifest.setProperty("source." + s.listKey(), local.toString());
                    }
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "Scrutiny backup: restore with scrutiny restore FILE --data DIR");
                zip.closeEntry();
            }
        } finally {
            try (var files = Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void copyDatabase(Path h2zip, ZipOutputStream zip) throws IOException {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    zip.putNextEntry(new ZipEntry(DATABASE));
                    in.transferTo(zip);
                    zip.closeEntry();
                    found = true;
                }
            }
        }
        if (!found) {
            throw new IOException("H2's BACKUP wrote no database file");
        }
    }

    /** A list source's local file (not a URL, not a directory, still there), or null. */
    static Path localFile(String location) {
        if (location == null || location.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return null;
        }
        Path p = Path.of(location);
        return Files.isRegularFile(p) ? p : null;
    }
}
