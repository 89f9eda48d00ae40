package edu.scrutiny.app.cli;

import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.institutions.InstitutionsVersion;
import edu.scrutiny.app.support.Documents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scrutiny --data DIR institutions list [--json]}: the ROR versions imported; the last is in force. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the ROR dumps imported (version, records, SHA-256, imported at and by, source); the last is in force.")
final class InstitutionsListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array of versions.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return DataSession.run(spec, (session, out) -> {
            List<InstitutionsVersion> versions = session.bean(Institutions.class).versions();
            if (json) {
                out.println(Documents.toPrettyJson(versions));
            } else if (versions.isEmpty()) {
                out.println("no ROR dump has been imported");
            } else {
                out.printf("%8s %8s  %-12s %-24s %-14s %s%n", "version", "records", "sha256", "imported at", "by", "source");
                for (InstitutionsVersion v : versions) {
                    out.printf("%8d %8d  %-12s %-24s %-14s %s%s%n", v.id(), v.records(), v.sha256().substring(0, 12),
                            v.importedAt(), v.importedBy(), v.source(), v == versions.get(versions.size() - 1) ? "  (in force)" : "");
                }
            }
        });
    }
}
