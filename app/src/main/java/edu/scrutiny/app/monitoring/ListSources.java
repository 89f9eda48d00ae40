package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.monitoring.internal.Fetcher;
import edu.scrutiny.app.monitoring.internal.SourceRules;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Lists;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final SourceRules rules;
    private final ApplicationEventPublisher events;

    ListSources(JdbcClient jdbc, ListCatalog catalog, Alerts alerts, Rescreening rescreening, Clock clock,
                ApplicationEventPublisher events,
                @Value("${scrutiny.refresh.attempts:3}") int attempts,
                @Value("${scrutiny.refresh.backoff:PT2S}") Duration backoff,
                @Value("${scrutiny.sources.allow-http:false}") boolean allowHttp,
                @Value("${scrutiny.sources.allow-private-addresses:false}") boolean allowPrivateAddresses,
                @Value("${scrutiny.sources.import-directory:${scrutiny.data:scrutiny-data}/imports}") String importDirectory,
                @Value("${scrutiny.sources.max-bytes:1073741824}") long maxBytes) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.alerts = alerts;
        this.rescreening = rescreening;
        this.clock = clock;
        this.events = events;
        this.rules = SourceRules.of(allowHttp, allowPrivateAddresses, Path.of(importDirectory), maxBytes);
        this.fetcher = new Fetcher(attempts, backoff, d -> Thread.sleep(d.toMillis()), rules);
    }

    /** The rules sources are held to (see {@link SourceRules}). */
    public SourceRules rules() {
        return rules;
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

    /** Adds or replaces a list's source, as the system. */
    public ListSourceSettings add(String listKey, String location, Duration every, ListCategory category) {
        return add(listKey, location, every, category, "system");
    }

    /**
     * Adds or replaces a list's source, held to the {@link SourceRules} (the server will fetch it),
     * and records it in the audit trail under {@code by}.
     */
    @Transactional
    public ListSourceSettings add(String listKey, String location, Duration every, ListCategory category, String by) {
        if (listKey == null || !listKey.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new InvalidInput("list source", "LIST", "'" + listKey + "' is not a list key (letters, digits, '.', '_', '-')");
        }
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidInput("list source", "--every", "must be at least one minute");
        }
        if (location == null || location.isBlank() || location.length() > 2000) {
            throw new InvalidInput("list source", "URL_OR_PATH", "is required: an https URL or a file in the import directory (at most 2000 characters)");
        }
        String where = rules.checkRecorded(location, "list source");
        Optional<ListSourceSettings> before = find(listKey);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM list_source WHERE list_key = :k").param("k", listKey).update();
        jdbc.sql("""
                INSERT INTO list_source (list_key, location, every_seconds, category, failures, next_due_at)
                VALUES (:k, :l, :e, :c, 0, :due)""")
                .param("k", listKey).param("l", where).param("e", every.toSeconds())
                .param("c", category == null ? null : category.key()).param("due", Timestamp.from(now)).update();
        ListSourceSettings after = find(listKey).orElseThrow();
        events.publishEvent(new ListSourceChanged(listKey, before.orElse(null), after, by));
        return after;
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
                out.add(refresh(s, false, "system"));
            }
        }
        return out;
    }

    /** Refreshes one list now (or every list with a source when {@code listKey} is null), as the system. */
    public List<RefreshOutcome> refresh(String listKey, boolean confirmFewer) throws InterruptedException {
        return refresh(listKey, confirmFewer, "system");
    }

    /** Refreshes as above, started by {@code by}: the refresh and what it imports are audited under that name. */
    public List<RefreshOutcome> refresh(String listKey, boolean confirmFewer, String by) throws InterruptedException {
        if (listKey == null) {
            List<RefreshOutcome> out = new ArrayList<>();
            for (ListSourceSettings s : all()) {
                out.add(refresh(s, confirmFewer, by));
            }
            return out;
        }
        ListSourceSettings s = find(listKey).orElseThrow(() -> new InvalidInput("lists refresh", "LIST",
                "no source for list '" + listKey + "'; add one with: lists sources add " + listKey + " URL_OR_PATH"));
        return List.of(refresh(s, confirmFewer, by));
    }

    private RefreshOutcome refresh(ListSourceSettings s, boolean confirmFewer, String by) throws InterruptedException {
        RefreshOutcome outcome = fetchAndImport(s, confirmFewer, by);
        events.publishEvent(new ListRefreshed(outcome, s.location(), by));
        return outcome;
    }

    private RefreshOutcome fetchAndImport(ListSourceSettings s, boolean confirmFewer, String by) throws InterruptedException {
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
            ImportResult imported = catalog.importList(fetched.path(), s.location(), null, category, ListCatalog.ImportProgress.NONE, by,
                    (key, entries, inForce) -> check(s, key, entries, inForce, confirmFewer));
            String line = imported.summary() + rescreening.summaryFor(imported.version().id()).map(r -> "; " + r.line()).orElse("");
            return succeeded(s, now, fetched.etag(), fetched.lastModified(), new RefreshOutcome(s.listKey(), "IMPORTED", line));
        } catch (Fetcher.FetchFailed e) {
            return failed(s, now, e.getMessage());
        } catch (ListFormatException e) {
            return failed(s, now, s.location() + ": " + withoutContent(e.problem()));
        } catch (InvalidInput e) {
            return failed(s, now, e.getMessage());
        } catch (IOException e) {
            return failed(s, now, s.location() + ": could not be read");
        } finally {
            if (fetched != null && fetched.temporary()) {
                Fetcher.delete(fetched.path());
            }
        }
    }

    /**
     * A parser's message without what it quotes of the file: a refresh's message is kept in the
     * alert and the audit trail, and what was fetched must never come back through it (a file or an
     * internal service's reply). At most 500 characters.
     */
    static String withoutContent(String message) {
        String m = message == null ? "" : message.replaceAll("\"[^\"]*\"?", "\"…\"").replaceAll("'[^']*'?", "'…'");
        return m.length() <= 500 ? m : m.substring(0, 500) + "…";
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
