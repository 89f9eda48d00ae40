package edu.scrutiny.app.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches a list from its source: an http(s) URL with a conditional request (If-None-Match,
 * If-Modified-Since), retried with exponential back-off on network errors and server errors; or
 * a local path, used where it is. Nothing here parses: the importer does.
 */
public final class Fetcher {
    /** What a fetch found. */
    public sealed interface Result permits NotModified, Fetched {
    }

    /** The source answered 304: what we have is current. */
    public record NotModified() implements Result {
    }

    /**
     * The list's bytes, at {@code path}.
     *
     * @param temporary whether the path is a download to delete after use
     */
    public record Fetched(Path path, boolean temporary, String etag, String lastModified) implements Result {
    }

    /** A fetch that failed after its retries; the message says why. */
    public static final class FetchFailed extends Exception {
        public FetchFailed(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;

    /** Waits between attempts; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public Fetcher(int attempts, Duration backoff, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public static boolean isUrl(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * Fetches a location.
     *
     * @param fileName the name to give a download (list formats are recognised partly by name)
     */
    public Result fetch(String location, String fileName, String etag, String lastModified) throws FetchFailed, InterruptedException {
        if (!isUrl(location)) {
            Path p = Path.of(location);
            if (!Files.exists(p)) {
                throw new FetchFailed(location + ": no such file or directory");
            }
            return new Fetched(p, false, null, null);
        }
        String lastError = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(backoff.multipliedBy(1L << Math.min(attempt - 2, 10)));
            }
            try {
                HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofMinutes(10)).GET();
                if (etag != null) {
                    rb.header("If-None-Match", etag);
                }
                if (lastModified != null) {
                    rb.header("If-Modified-Since", lastModified);
                }
                HttpResponse<InputStream> response = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 304) {
                    response.body().close();
                    return new NotModified();
                }
                if (status >= 500 || status == 429) {
                    response.body().close();
                    lastError = location + ": the server answered " + status;
                    continue;
                }
                if (status != 200) {
                    response.body().close();
                    throw new FetchFailed(location + ": the server answered " + status);
                }
                Path dir = Files.createTempDirectory("scrutiny-refresh");
                Path file = dir.resolve(fileName);
                try (InputStream in = response.body()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                Optional<String> length = response.headers().firstValue("Content-Length");
                if (length.isPresent() && Long.parseLong(length.get()) != Files.size(file)) {
                    delete(file);
                    lastError = location + ": the download ended after " + Files.size(file) + " of " + length.get() + " bytes";
                    continue;
                }
                return new Fetched(file, true, response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            } catch (IOException e) {
                lastError = location + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new FetchFailed(location + ": not a valid URL (" + e.getMessage() + ")");
            }
        }
        throw new FetchFailed(lastError + " (after " + attempts + " attempts)");
    }

    /** Removes a download and its directory. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
