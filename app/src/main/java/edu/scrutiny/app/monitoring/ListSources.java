package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.monitoring.internal.Fetcher;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Lists;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * List sources and their refresh. A refresh fetches (conditionally), checks that the bytes differ
 * from the version in force, imports them as a new version effective today (which parses them
 * completely, and refuses a file holding another list or fewer than half the entries of the
 * version in force unless confirmed), and so triggers the delta re-screening. A refresh that fails
 * or looks wrong keeps the previous version in force and raises {@code LIST_REFRESH_FAILED}.
 */
@Service
public class ListSources {
    /** A new version with fewer than this share of the entries of the one in force is suspicious. */
    static final double PLAUSIBLE_SHARE = 0.5;

    private final JdbcClient jdbc;
    private final ListCatalog catalog;
    private final Alerts alerts;
    private final Rescreening rescreening;
    private final Clock clock;
    private final Fetcher fetcher;
    private final org.springframework.context.ApplicationEventPublisher events;

    ListSources(JdbcClient jdbc, ListCatalog catalog, Alerts alerts, Rescreening rescreening, Clock clock,
                org.springframework.context.ApplicationEventPublisher events,
                @Value("${scrutiny.refresh.attempts:3}") int attempts,
                @Value("${scrutiny.refresh.backoff:PT2S}") Duration backoff) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.alerts = alerts;
        this.rescreening = rescreening;
        this.clock = clock;
        this.events = events;
        this.fetcher = new Fetcher(attempts, backoff, d -> Thread.sleep(d.toMillis()));
    }

    /** Parses {@code 24h}, {@code 30m}, {@code 7d}, {@code 1d12h}, or an ISO-8601 duration. */
    public static Duration parseEvery(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(t);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end != t.length() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a period such as 24h, 30m, 7d or 1d12h");
        }
        return d;
    }

    /** Adds or replaces a list's source. */
    public ListSourceSettings add(String listKey, String location, Duration every, ListCategory category) {
        if (listKey == null || !listKey.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new InvalidInput("list source", "LIST", "'" + listKey + "' is not a list key (letters, digits, '.', '_', '-')");
        }
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidInput("list source", "--every", "must be at least one minute");
        }
        String where;
        if (Fetcher.isUrl(location)) {
            try {
                URI uri = URI.create(location);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("list source", "URL_OR_PATH", "'" + location + "' is not a valid URL: " + e.getMessage());
            }
            where = location;
        } else {
            Path p = Path.of(location).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new InvalidInput("list source", "URL_OR_PATH", location + ": no such file or directory");
            }
            where = p.toString();
        }
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM list_source WHERE list_key = :k").param("k", listKey).update();
        jdbc.sql("""
                INSERT INTO list_source (list_key, location, every_seconds, category, failures, next_due_at)
                VALUES (:k, :l, :e, :c, 0, :due)""")
                .param("k", listKey).param("l", where).param("e", every.toSeconds())
                .param("c", category == null ? null : category.key()).param("due", Timestamp.from(now)).update();
        events.publishEvent(new ListSourceAdded(listKey));
        return find(listKey).orElseThrow();
    }

    /** Points a list's source at another location, keeping its state (a restore moves local files into the data directory). */
    public void relocate(String listKey, String location) {
        jdbc.sql("UPDATE list_source SET location = :l WHERE list_key = :k").param("l", location).param("k", listKey).update();
    }

    public Optional<ListSourceSettings> find(String listKey) {
        return jdbc.sql("SELECT * FROM list_source WHERE list_key = :k").param("k", listKey).query(MAPPER).optional();
    }

    public List<ListSourceSettings> all() {
        return jdbc.sql("SELECT * FROM list_source ORDER BY list_key").query(MAPPER).list();
    }

    /** Refreshes the sources that are due now. */
    public List<RefreshOutcome> refreshDue() throws InterruptedException {
        return refreshDue(() -> false);
    }

    /**
     * Refreshes the sources that are due now, one at a time, starting no further one once
     * {@code stop} says so (the server is shutting down: the refresh running finishes, the rest wait
     * for the next tick).
     */
    public List<RefreshOutcome> refreshDue(java.util.function.BooleanSupplier stop) throws InterruptedException {
        List<RefreshOutcome> out = new ArrayList<>();
        Instant now = clock.instant();
        for (ListSourceSettings s : all()) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (!s.nextDueAt().isAfter(now)) {
                out.add(refresh(s, false));
            }
        }
        return out;
    }

    /** Refreshes one list now (or every list with a source when {@code listKey} is null). */
    public List<RefreshOutcome> refresh(String listKey, boolean confirmFewer) throws InterruptedException {
        if (listKey == null) {
            List<RefreshOutcome> out = new ArrayList<>();
            for (ListSourceSettings s : all()) {
                out.add(refresh(s, confirmFewer));
            }
            return out;
        }
        ListSourceSettings s = find(listKey).orElseThrow(() -> new InvalidInput("lists refresh", "LIST",
                "no source for list '" + listKey + "'; add one with: lists sources add " + listKey + " URL_OR_PATH"));
        return List.of(refresh(s, confirmFewer));
    }

    private RefreshOutcome refresh(ListSourceSettings s, boolean confirmFewer) throws InterruptedException {
        RefreshOutcome outcome = attempt(s, confirmFewer);
        events.publishEvent(new ListRefreshed(outcome));
        return outcome;
    }

    private RefreshOutcome attempt(ListSourceSettings s, boolean confirmFewer) throws InterruptedException {
        Instant now = clock.instant();
        Fetcher.Fetched fetched = null;
        try {
            Fetcher.Result result = fetcher.fetch(s.location(), downloadName(s), etagOf(s), lastModifiedOf(s));
            if (result instanceof Fetcher.NotModified) {
                return succeeded(s, now, null, null, new RefreshOutcome(s.listKey(), "NOT_MODIFIED",
                        s.listKey() + ": not modified since the last refresh"));
            }
            fetched = (Fetcher.Fetched) result;
            Optional<StoredListVersion> latest = catalog.latest(s.listKey());
            String sha = Lists.standard().detectOne(fetched.path()).source().sha256();
            if (latest.isPresent() && latest.get().sha256().equals(sha)) {
                return succeeded(s, now, fetched.etag(), fetched.lastModified(), new RefreshOutcome(s.listKey(), "UNCHANGED",
                        s.listKey() + ": same bytes as version " + latest.get().id() + "; nothing imported"));
            }
            ListCategory category = s.category() == null ? null : ListCategory.fromKey(s.category()).orElse(null);
            ImportResult imported = catalog.importList(fetched.path(), s.location(), null, category, ListCatalog.ImportProgress.NONE, "system",
                    (key, entries, inForce) -> check(s, key, entries, inForce, confirmFewer));
            String line = imported.summary() + rescreening.summaryFor(imported.version().id()).map(r -> "; " + r.line()).orElse("");
            return succeeded(s, now, fetched.etag(), fetched.lastModified(), new RefreshOutcome(s.listKey(), "IMPORTED", line));
        } catch (Fetcher.FetchFailed e) {
            return failed(s, now, e.getMessage());
        } catch (ListFormatException | InvalidInput e) {
            return failed(s, now, e.getMessage());
        } catch (IOException e) {
            return failed(s, now, s.location() + ": " + e.getMessage());
        } finally {
            if (fetched != null && fetched.temporary()) {
                Fetcher.delete(fetched.path());
            }
        }
    }

    private static void check(ListSourceSettings s, String key, int entries, Optional<StoredListVersion> inForce, boolean confirmFewer) {
        if (!key.equals(s.listKey())) {
            throw new InvalidInput(s.location(), "", "holds the list '" + key + "', not '" + s.listKey() + "'");
        }
        if (inForce.isPresent() && !confirmFewer && entries < inForce.get().entries() * PLAUSIBLE_SHARE) {
            throw new InvalidInput(s.location(), "", String.format(Locale.ROOT,
                    "holds %d entries, fewer than half the %d of version %d in force; if the list really shrank, run: lists refresh %s --confirm",
                    entries, inForce.get().entries(), inForce.get().id(), s.listKey()));
        }
    }

    private RefreshOutcome succeeded(ListSourceSettings s, Instant now, String etag, String lastModified, RefreshOutcome outcome) {
        jdbc.sql("""
                UPDATE list_source SET last_checked_at = :now, last_success_at = :now, last_outcome = :o, failures = 0,
                       etag = COALESCE(:etag, etag), last_modified = COALESCE(:lm, last_modified), next_due_at = :due
                WHERE list_key = :k""")
                .param("now", Timestamp.from(now)).param("o", outcome.message()).param("etag", etag).param("lm", lastModified)
                .param("due", Timestamp.from(now.plus(s.every()))).param("k", s.listKey()).update();
        return outcome;
    }

    private RefreshOutcome failed(ListSourceSettings s, Instant now, String why) {
        int failures = s.failures() + 1;
        // retry sooner than the schedule after a failure, backing off: 5 min, 10, 20... up to the period
        Duration retry = Duration.ofMinutes(5).multipliedBy(1L << Math.min(failures - 1, 10));
        if (retry.compareTo(s.every()) > 0) {
            retry = s.every();
        }
        String message = s.listKey() + ": refresh failed, the version in force stays: " + why;
        jdbc.sql("UPDATE list_source SET last_checked_at = :now, last_outcome = :o, failures = :f, next_due_at = :due WHERE list_key = :k")
                .param("now", Timestamp.from(now)).param("o", message).param("f", failures)
                .param("due", Timestamp.from(now.plus(retry))).param("k", s.listKey()).update();
        alerts.raise(new Alerts.Raise(AlertKind.LIST_REFRESH_FAILED, null, s.listKey(), null, null, message, null));
        return new RefreshOutcome(s.listKey(), "FAILED", message);
    }

    /** The name a download gets: list formats are recognised partly by name, and a Scrutiny CSV's list key is its name. */
    private static String downloadName(ListSourceSettings s) {
        String path = Fetcher.isUrl(s.location()) ? URI.create(s.location()).getPath() : s.location();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (last.isBlank() || last.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return s.listKey() + ".csv";
        }
        return last.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private String etagOf(ListSourceSettings s) {
        return jdbc.sql("SELECT etag FROM list_source WHERE list_key = :k").param("k", s.listKey()).query(String.class).optional().orElse(null);
    }

    private String lastModifiedOf(ListSourceSettings s) {
        return jdbc.sql("SELECT last_modified FROM list_source WHERE list_key = :k").param("k", s.listKey()).query(String.class).optional().orElse(null);
    }

    private static final RowMapper<ListSourceSettings> MAPPER = (rs, n) -> new ListSourceSettings(
            rs.getString("list_key"), rs.getString("location"), Duration.ofSeconds(rs.getLong("every_seconds")),
            rs.getString("category"), instant(rs.getTimestamp("last_checked_at")), instant(rs.getTimestamp("last_success_at")),
            rs.getString("last_outcome"), rs.getInt("failures"), instant(rs.getTimestamp("next_due_at")));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
