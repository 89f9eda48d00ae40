package edu.scrutiny.lists;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real list files in {@code ../shared/data} (see its SOURCES.md). They are not in the
 * repository; where they are absent the tests that need them are skipped with a message saying so,
 * so that the build passes on a clone elsewhere.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data directory, from the {@code scrutiny.shared.data} property the build sets. */
    public static Path root() {
        String p = System.getProperty("scrutiny.shared.data");
        return p == null ? Path.of("..", "shared", "data") : Path.of(p);
    }

    /** A path under {@code shared/data/lists}; skips the calling test, visibly, when it is absent. */
    public static Path list(String relative) {
        Path p = root().resolve("lists").resolve(relative).normalize();
        if (!Files.exists(p)) {
            System.err.println("SKIPPED: " + p + " is absent (shared test data); tests that need it are skipped");
        }
        Assumptions.assumeTrue(Files.exists(p), "shared test data absent: " + p);
        return p;
    }

    /** A path under {@code shared/data/eval}; skips the calling test, visibly, when it is absent. */
    public static Path eval(String relative) {
        Path p = root().resolve("eval").resolve(relative).normalize();
        if (!Files.exists(p)) {
            System.err.println("SKIPPED: " + p + " is absent (shared test data); tests that need it are skipped");
        }
        Assumptions.assumeTrue(Files.exists(p), "shared test data absent: " + p);
        return p;
    }
}
