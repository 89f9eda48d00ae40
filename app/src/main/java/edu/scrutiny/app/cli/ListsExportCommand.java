package edu.scrutiny.app.cli;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.lists.ExportedLists;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scrutiny --data DIR lists export --as-of DATE --out DIR2}: the list versions in force on a
 * date, written as an {@link ExportedLists} directory for batch jobs (the Spark job, {@code screen})
 * that must not open a live database. Whole or nothing: written beside DIR2 and moved into place.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
                "Writes the list versions in force on a date into a new directory: each version's entries as stored",
                "(JSON lines) and manifest.json naming each list key, version, format and SHA-256 of the list as",
                "published, and the file with its SHA-256. 'screen --list DIR2' and the Spark job read it.",
                "The version in force is the last to take effect on or before the date (before a list's first",
                "version, that first version); disabled lists are left out, as screening leaves them out."})
final class ListsExportCommand implements Callable<Integer> {

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The date the versions are in force on.")
    LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR2", description = "A new (or empty) directory to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path data = ScrutinyCli.dataDirectory(spec);
        if (!Files.isDirectory(data)) {
            throw new CommandProblem(data + ": no such data directory (give the one the lists were imported into with --data)");
        }
        if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
            throw new CommandProblem(out + ": already exists; an export goes into a new (or empty) directory");
        }
        List<ExportedLists.Version> written = new ArrayList<>();
        try (DataSession session = DataSession.open(data)) {
            ListCatalog catalog = session.bean(ListCatalog.class);
            List<StoredListVersion> inForce = inForce(catalog, asOf);
            if (inForce.isEmpty()) {
                throw new CommandProblem(data + ": no list has been imported (or every list is disabled); nothing to export");
            }
            List<ExportedLists.VersionSource> sources = new ArrayList<>();
            for (StoredListVersion v : inForce) {
                ExportedLists.Version version = new ExportedLists.Version(v.listKey(), v.id(), v.effectiveFrom(), v.format(),
                        v.sha256(), v.source(), null, null, List.of());
                sources.add(new ExportedLists.VersionSource(version, sink -> catalog.streamEntries(v.id(), e -> sink.accept(e.entry()))));
            }
            try {
                written.addAll(ExportedLists.write(out, asOf, sources));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            session.succeeded();
        }
        var err = spec.commandLine().getErr();
        for (ExportedLists.Version v : written) {
            err.printf(Locale.ROOT, "%s: version %d (effective %s, %s) -> %s%n", v.list(), v.version(), v.effectiveFrom(),
                    v.format(), v.file());
        }
        err.printf(Locale.ROOT, "exported %d list versions in force on %s to %s%n", written.size(), asOf, out);
        return ScrutinyCli.OK;
    }

    /**
     * Each enabled list's version in force on the date, lists by key: the same choice as the
     * screening snapshot's {@code versionsInForce}, which ties the application's screening to it.
     */
    static List<StoredListVersion> inForce(ListCatalog catalog, LocalDate asOf) {
        Map<String, StoredListVersion> byList = new LinkedHashMap<>();
        for (StoredListVersion v : catalog.allVersions()) { // ordered by list, effective date, id
            if (!catalog.enabled(v.listKey())) {
                continue;
            }
            StoredListVersion held = byList.get(v.listKey());
            if (held == null || !v.effectiveFrom().isAfter(asOf)) {
                byList.put(v.listKey(), v);
            }
        }
        return byList.values().stream().sorted(java.util.Comparator.comparing(StoredListVersion::listKey)).toList();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
