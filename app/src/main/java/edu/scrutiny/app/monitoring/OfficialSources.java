package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The official sources of the shipped {@link OfficialCatalogue}, and enabling them: each becomes a
 * list source (as {@code lists sources add} makes one, audited as {@code list_source.changed}),
 * which the refresh job imports at its first run. A list that already has a source keeps it.
 */
@Service
public class OfficialSources {
    private final OfficialCatalogue catalogue;
    private final ListSources sources;

    OfficialSources(ListSources sources, @Value("${scrutiny.sources.official-mirror:}") String mirror) {
        this.sources = sources;
        this.catalogue = OfficialCatalogue.load(mirror);
    }

    public OfficialCatalogue catalogue() {
        return catalogue;
    }

    /**
     * One official source as the catalogue gives it and as this installation has it.
     *
     * @param location where it would be fetched from (the publisher's URL or the mirror's); null for a PDF-only list
     * @param status   {@code ENABLED} (the list has a source, maybe another), {@code AVAILABLE} or {@code PDF_ONLY}
     * @param source   the list's source now, when it has one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(@JsonProperty("list") String listKey, String title, String publisher, String format, String category,
                         String every, String location, String pdf, @JsonProperty("publisher_page") String publisherPage,
                         @JsonProperty("checked_against") String checkedAgainst, String status, String source) {
        public boolean enabled() {
            return "ENABLED".equals(status);
        }

        public boolean pdfOnly() {
            return "PDF_ONLY".equals(status);
        }
    }

    /** Every official source with its status here, in the catalogue's order. */
    public List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        for (OfficialSource s : catalogue.sources()) {
            Optional<ListSourceSettings> present = sources.find(s.listKey());
            String status = present.isPresent() ? "ENABLED" : s.downloadable() ? "AVAILABLE" : "PDF_ONLY";
            out.add(new Status(s.listKey(), s.title(), s.publisher(), s.format(), s.category(), s.every(),
                    s.downloadable() ? catalogue.location(s) : null, s.pdf(), s.publisherPage(), s.checkedAgainst(), status,
                    present.map(ListSourceSettings::location).orElse(null)));
        }
        return out;
    }

    /**
     * What enabling one official source did.
     *
     * @param outcome {@code ADDED} or {@code ALREADY_PRESENT} (its source is left as it is)
     */
    public record Enabled(@JsonProperty("list") String listKey, String outcome, String location, String message) {
        public boolean added() {
            return "ADDED".equals(outcome);
        }
    }

    /**
     * Enables the named official sources (none named: every downloadable one) as list sources,
     * recorded under {@code by}. Every name is checked before anything is written, and the sources
     * are added in one transaction: an unknown or PDF-only list, or a mirror without one of the
     * files, changes nothing.
     *
     * @param where what to name in a message about bad input (the command or the request)
     * @param field the field that holds the names there
     */
    @Transactional
    public List<Enabled> enable(List<String> listKeys, String by, String where, String field) {
        List<OfficialSource> chosen = choose(listKeys, where, field);
        List<Enabled> out = new ArrayList<>();
        for (OfficialSource s : chosen) {
            Optional<ListSourceSettings> present = sources.find(s.listKey());
            if (present.isPresent()) {
                out.add(new Enabled(s.listKey(), "ALREADY_PRESENT", present.get().location(),
                        s.listKey() + ": already has a source (" + present.get().location() + "); left as it is"));
                continue;
            }
            // no category: every official format carries its own (and a category is refused for those)
            ListSourceSettings added = sources.add(s.listKey(), catalogue.location(s), ListSources.parseEvery(s.every()), null, by);
            out.add(new Enabled(s.listKey(), "ADDED", added.location(), s.listKey() + ": refreshed from " + added.location()
                    + " every " + s.every() + "; the first refresh imports it"));
        }
        return out;
    }

    private List<OfficialSource> choose(List<String> listKeys, String where, String field) {
        if (listKeys == null || listKeys.isEmpty()) {
            return catalogue.sources().stream().filter(OfficialSource::downloadable).toList();
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<OfficialSource> chosen = new ArrayList<>();
        for (String key : listKeys) {
            String k = key == null ? "" : key.strip();
            if (!seen.add(k)) {
                continue;
            }
            Optional<OfficialSource> s = catalogue.find(k);
            if (s.isEmpty()) {
                problems.add(new InvalidInput.Problem(field, "'" + k + "' is not an official source; the catalogue has "
                        + String.join(", ", catalogue.keys())));
            } else if (!s.get().downloadable()) {
                problems.add(new InvalidInput.Problem(field, "'" + k + "' is published only as PDF (" + s.get().pdf()
                        + "): transcribe it into Scrutiny CSV as " + k + ".csv and import it with 'lists import " + k
                        + ".csv --category " + s.get().category() + "'"));
            } else {
                chosen.add(s.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(where, problems);
        }
        return chosen;
    }
}
