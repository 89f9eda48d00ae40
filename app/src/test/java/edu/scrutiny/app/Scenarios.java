package edu.scrutiny.app;

import edu.scrutiny.app.cli.DataSession;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scenario fixtures under src/test/resources/scenarios: list facts as Scrutiny CSV, the 2019 directive, engagements. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Scenarios.class.getResource("/scenarios/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture scenarios/" + relative, e);
        }
    }

    /** A test resource by its absolute resource path, e.g. {@code /institutions/ror-v2.json}. */
    public static Path pathOf(String resource) {
        try {
            return Path.of(Scenarios.class.getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + resource, e);
        }
    }

    public static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Engagement engagement(String name) {
        return EngagementDocuments.read(text("engagements/" + name + ".json"), name);
    }

    /** A new directory under the system's temporary directory, removed when the JVM exits. */
    public static Path temporaryDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // best effort
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The H2 URL for a data directory, the command line's own (so that tests run with its settings). */
    public static String h2Url(Path dir) {
        return DataSession.h2Url(dir);
    }
}
