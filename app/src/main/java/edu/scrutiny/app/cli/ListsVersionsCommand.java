package edu.scrutiny.app.cli;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.ListSummary;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.support.Documents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scrutiny --data DIR lists versions [LIST] [--json]}: the lists imported and their versions. */
@Command(name = "versions",
        mixinStandardHelpOptions = true,
        description = "Lists the imported lists and their versions (effective date, entries, SHA-256, source).")
final class ListsVersionsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "LIST", description = "One list's key, e.g. us_bis_entity_list.")
    String list;

    @Option(names = "--json", description = "Print a JSON array of versions.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return DataSession.run(spec, (session, out) -> {
            ListCatalog catalog = session.bean(ListCatalog.class);
            List<StoredListVersion> versions = list == null ? catalog.allVersions() : catalog.versions(list);
            if (json) {
                out.println(Documents.toPrettyJson(versions));
            } else if (versions.isEmpty()) {
                out.println(list == null ? "no list has been imported" : "no versions of " + list);
            } else {
                out.printf("%-28s %8s %-12s %-18s %8s  %-12s %s%n", "list", "version", "effective", "category", "entries", "sha256", "source");
                for (StoredListVersion v : versions) {
                    out.printf("%-28s %8d %-12s %-18s %8d  %-12s %s%n", v.listKey(), v.id(), v.effectiveFrom(),
                            v.category(), v.entries(), v.sha256().substring(0, 12), v.source());
                }
                if (list == null) {
                    for (ListSummary s : catalog.lists()) {
                        if (!s.enabled()) {
                            out.println(s.listKey() + " is disabled");
                        }
                    }
                }
            }
        });
    }
}
