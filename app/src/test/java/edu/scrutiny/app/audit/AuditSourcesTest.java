package edu.scrutiny.app.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail is append-only: no statement in the application's sources changes or removes a record. */
class AuditSourcesTest {
    private static final Pattern CHANGES_THE_LOG = Pattern.compile(
            "(?is)\\b(update\\s+audit_log|delete\\s+from\\s+audit_log|truncate\\s+(table\\s+)?audit_log|drop\\s+table\\s+(if\\s+exists\\s+)?audit_log"
                    + "|alter\\s+table\\s+audit_log|merge\\s+into\\s+audit_log)\\b");

    @Test
    void noCodePathUpdatesOrDeletesAnAuditRecord() throws IOException {
        Path main = Path.of("src/main");
        assertThat(main.resolve("java/edu/scrutiny/app/audit/AuditLog.java")).as("run from the app module").exists();
        List<Path> offending;
        try (Stream<Path> files = Files.walk(main)) {
            offending = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> CHANGES_THE_LOG.matcher(read(p)).find())
                    .toList();
        }
        assertThat(offending).isEmpty();
        assertThat(CHANGES_THE_LOG.matcher("jdbc.sql(\"DELETE FROM\n audit_log WHERE seq = 1\")").find()).isTrue();
        assertThat(CHANGES_THE_LOG.matcher("UPDATE audit_head SET last_seq = 1").find()).isFalse();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
