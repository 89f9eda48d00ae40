package edu.scrutiny.app.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Redirects followed, each checked by the rules as the first request was. */
    static final int MAX_REDIRECTS = 5;

    /** Made on the first download (see {@link #http()}). */
    private HttpClient http;
    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final SourceRules rules;

    /** Waits between attempts; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public Fetcher(int attempts, Duration backoff, Sleeper sleeper, SourceRules rules) {
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.rules = rules;
    }

    /**
     * The HTTP client, made when first needed: making one sets up TLS (about 0.1 s), which every
     * command on a data directory would otherwise pay at its start, whether it downloads or not.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            // redirects are followed here, not by the client, so that each is checked by the rules
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    public static boolean isUrl(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * Fetches a location. Failures are told apart only where that tells nothing about the network
     * behind the server: an address the rules refuse, a refused connection, a timeout and a name
     * that does not resolve all read "could not be fetched", and no message holds what was read.
     *
     * @param fileName the name to give a download (list formats are recognised partly by name)
     */
    public Result fetch(String location, String fileName, String etag, String lastModified) throws FetchFailed, InterruptedException {
        if (!isUrl(location)) {
            Path p = rules.insideImportDirectory(location);
            if (p == null) {
                throw new FetchFailed(location + ": outside the import directory (scrutiny.sources.import-directory)");
            }
            if (!Files.exists(p)) {
                throw new FetchFailed(location + ": no such file or directory");
            }
            try {
                if (Files.isRegularFile(p) && Files.size(p) > rules.maxBytes()) {
                    throw new FetchFailed(location + ": larger than the limit of " + rules.maxBytes() + " bytes (scrutiny.sources.max-bytes)");
                }
            } catch (IOException e) {
                throw new FetchFailed(location + ": could not be read");
            }
            return new Fetched(p, false, null, null);
        }
        URI start;
        try {
            start = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            throw new FetchFailed(location + ": not a valid URL");
        }
        String lastError = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(backoff.multipliedBy(1L << Math.min(attempt - 2, 10)));
            }
            try {
                return follow(start, location, fileName, etag, lastModified);
            } catch (Retry r) {
                lastError = r.getMessage();
            } catch (Refused | IOException e) {
                // an address the rules refuse is answered as a closed port or an unknown name is, retries
                // included: the server is no port scanner
                lastError = location + ": could not be fetched";
            }
        }
        throw new FetchFailed(lastError + " (after " + attempts + " attempts)");
    }

    /** An address the rules refuse (told apart from nothing else). */
    private static final class Refused extends Exception {
    }

    /** A failure worth another attempt (a server error, a short download). */
    private static final class Retry extends Exception {
        Retry(String message) {
            super(message);
        }
    }

    /** One attempt: the request and its redirects, each checked by the rules just before it connects. */
    private Result follow(URI start, String location, String fileName, String etag, String lastModified)
            throws IOException, InterruptedException, FetchFailed, Retry, Refused {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (rules.urlProblem(uri, true) != null) {
                throw new Refused();
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
            if (etag != null) {
                rb.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                rb.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = http().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                response.body().close();
                Optional<String> to = response.headers().firstValue("Location");
                if (to.isEmpty()) {
                    throw new FetchFailed(location + ": the server answered " + status + " without a Location");
                }
                try {
                    uri = uri.resolve(to.get().strip());
                } catch (IllegalArgumentException e) {
                    throw new Refused();
                }
                continue;
            }
            if (status == 304) {
                response.body().close();
                return new NotModified();
            }
            if (status >= 500 || status == 429) {
                response.body().close();
                throw new Retry(location + ": the server answered " + status);
            }
            if (status != 200) {
                response.body().close();
                throw new FetchFailed(location + ": the server answered " + status);
            }
            return download(response, location, fileName);
        }
        throw new FetchFailed(location + ": more than " + MAX_REDIRECTS + " redirects");
    }

    /** Reads the body into a temporary file, stopping at the size limit. */
    private Fetched download(HttpResponse<InputStream> response, String location, String fileName) throws IOException, FetchFailed, Retry {
        String tooLarge = location + ": larger than the limit of " + rules.maxBytes() + " bytes (scrutiny.sources.max-bytes)";
        Optional<String> length = response.headers().firstValue("Content-Length");
        long declared = -1;
        try {
            declared = length.map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException ignored) {
            // an unreadable length is checked by counting instead
        }
        if (declared > rules.maxBytes()) {
            response.body().close();
            throw new FetchFailed(tooLarge);
        }
        Path dir = Files.createTempDirectory("scrutiny-refresh");
        Path file = dir.resolve(fileName);
        long read = 0;
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                read += n;
                if (read > rules.maxBytes()) {
                    out.close();
                    delete(file);
                    throw new FetchFailed(tooLarge);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            delete(file);
            throw e;
        }
        if (declared >= 0 && declared != read) {
            delete(file);
            throw new Retry(location + ": the download ended after " + read + " of " + declared + " bytes");
        }
        return new Fetched(file, true, response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
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
