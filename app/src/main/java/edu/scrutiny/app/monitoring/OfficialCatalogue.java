package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of official sources shipped in {@code defaults/official-sources.json}: where each
 * government publishes its list, in which format, and how often to fetch it. Checked when loaded,
 * so that an entry whose format no reader reads (or with no URL and no PDF) stops the application
 * from starting rather than failing at its first refresh.
 *
 * <p>A deployment that cannot reach the publishers (or wants one copy for many instances) sets a
 * mirror, {@code scrutiny.sources.official-mirror}: an http(s) base URL or a directory (inside the
 * import directory), under which each list is {@code LIST/FILE}, for instance
 * {@code https://mirror.example.edu/lists/us_ofac_sdn/SDN_ENHANCED.XML}. Without one the
 * publishers' own URLs are used.
 */
public final class OfficialCatalogue {
    static final String RESOURCE = "/defaults/official-sources.json";
    /** The category of a list whose format gives each entry its own (the CSL, by sub-list). */
    static final String PER_ENTRY = "per-entry";

    private record Document(@JsonProperty("checked_on") LocalDate checkedOn, String note, List<OfficialSource> sources) {
    }

    private final LocalDate checkedOn;
    private final List<OfficialSource> sources;
    private final String mirror;

    private OfficialCatalogue(LocalDate checkedOn, List<OfficialSource> sources, String mirror) {
        this.checkedOn = checkedOn;
        this.sources = List.copyOf(sources);
        this.mirror = mirror;
    }

    /** The shipped catalogue, with the mirror (blank or null: none) applied to its URLs. */
    public static OfficialCatalogue load(String mirror) {
        Document d;
        try (InputStream in = OfficialCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the catalogue of official sources " + RESOURCE + " is missing from the application");
            }
            d = Documents.JSON.readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(d.checkedOn(), d.sources(), mirror);
    }

    /** A catalogue of these sources, checked as the shipped one is. */
    static OfficialCatalogue of(LocalDate checkedOn, List<OfficialSource> sources, String mirror) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (OfficialSource s : sources) {
            problem(s, keys).ifPresent(problems::add);
        }
        String m = mirror == null || mirror.isBlank() ? null : mirror.strip();
        if (m != null && m.contains("://") && !(m.startsWith("https://") || m.startsWith("http://"))) {
            problems.add("scrutiny.sources.official-mirror: '" + m + "' is neither an http(s) URL nor a directory");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the catalogue of official sources " + RESOURCE + ": " + String.join("; ", problems));
        }
        return new OfficialCatalogue(checkedOn, sources, m);
    }

    private static Optional<String> problem(OfficialSource s, Set<String> keys) {
        String at = "source '" + s.listKey() + "'";
        if (s.listKey() == null || !s.listKey().matches("[a-z0-9_]+")) {
            return Optional.of(at + ": list must be a list key (lower-case letters, digits, '_')");
        }
        if (!keys.add(s.listKey())) {
            return Optional.of(at + ": listed twice");
        }
        if (Arrays.stream(ListFormat.values()).noneMatch(f -> f.key().equals(s.format()))) {
            return Optional.of(at + ": format '" + s.format() + "' is read by no reader (known: "
                    + String.join(", ", Arrays.stream(ListFormat.values()).map(ListFormat::key).toList()) + ")");
        }
        if (!PER_ENTRY.equals(s.category()) && ListCategory.fromKey(s.category()).isEmpty()) {
            return Optional.of(at + ": category '" + s.category() + "' is not a list category nor " + PER_ENTRY);
        }
        try {
            ListSources.parseEvery(s.every());
        } catch (RuntimeException e) {
            return Optional.of(at + ": every '" + s.every() + "' is not a period such as 24h");
        }
        if (s.downloadable()) {
            if (!s.url().startsWith("https://") || URI.create(s.url()).getHost() == null) {
                return Optional.of(at + ": url must be an https URL");
            }
            if (s.format().equals(ListFormat.SCRUTINY_CSV.key())) {
                return Optional.of(at + ": no government publishes Scrutiny CSV; a list published only as PDF has a pdf, not a url");
            }
            if (s.file() == null || !s.file().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                return Optional.of(at + ": file (its name in a mirror) must be a plain file name");
            }
        } else if (s.pdf() == null || !s.format().equals(ListFormat.SCRUTINY_CSV.key())) {
            return Optional.of(at + ": has no url, so it must be a PDF-only list: a pdf and format scrutiny-csv");
        }
        return Optional.empty();
    }

    /** The date the URLs were checked against the publishers' pages. */
    public LocalDate checkedOn() {
        return checkedOn;
    }

    public List<OfficialSource> sources() {
        return sources;
    }

    public Optional<OfficialSource> find(String listKey) {
        return sources.stream().filter(s -> s.listKey().equals(listKey)).findFirst();
    }

    /** The keys, for messages that list them. */
    public List<String> keys() {
        return sources.stream().map(OfficialSource::listKey).toList();
    }

    /** The mirror in use, or null for the publishers' own URLs. */
    public String mirror() {
        return mirror;
    }

    /** Where a downloadable source is fetched from: the publisher's URL, or its place in the mirror. */
    public String location(OfficialSource s) {
        if (!s.downloadable()) {
            throw new IllegalArgumentException(s.listKey() + " is published only as PDF");
        }
        if (mirror == null) {
            return s.url();
        }
        String base = mirror.endsWith("/") ? mirror.substring(0, mirror.length() - 1) : mirror;
        return base + "/" + s.listKey() + "/" + s.file();
    }

    /** The category as people read it: the key, or "by sub-list" where each entry has its own. */
    static String describe(OfficialSource s) {
        return PER_ENTRY.equals(s.category()) ? "by sub-list" : s.category().toLowerCase(Locale.ROOT);
    }
}
