package edu.scrutiny.app.cli;

import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ror.RorRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scrutiny --data DIR institutions show ROR_ID [--json]}: one record of the version in force. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Prints one ROR record of the version in force: names with their types and languages, status, countries, links.")
final class InstitutionsShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ROR_ID", description = "The ROR id: https://ror.org/0xxxxxxxx or 0xxxxxxxx.")
    String id;

    @Option(names = "--json", description = "Print the record as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (RorRecord.canonicalId(id).isEmpty()) {
            throw new CommandProblem("'" + id + "' is not a ROR id (https://ror.org/0 followed by 8 letters or digits, or the 9 characters alone)");
        }
        return DataSession.run(spec, (session, out) -> {
            Institutions institutions = session.bean(Institutions.class);
            RorRecord r = institutions.find(id).orElseThrow(() -> new CommandProblem("no ROR record " + id
                    + (institutions.current().isEmpty() ? ": no ROR dump has been imported" : " in the version in force")));
            if (json) {
                out.println(Documents.toPrettyJson(r));
                return;
            }
            out.println(r.id() + "  " + r.displayName() + "  (" + r.status() + ")");
            out.println("countries: " + String.join(", ", r.countries()) + (r.types().isEmpty() ? "" : "; types: " + String.join(", ", r.types()))
                    + (r.established() == null ? "" : "; established " + r.established()));
            for (RorRecord.Name n : r.names()) {
                out.println("  name: " + n.value() + "  [" + String.join(", ", n.types()) + (n.lang() == null ? "" : "; " + n.lang()) + "]");
            }
            for (RorRecord.Relationship rel : r.relationships()) {
                out.println("  " + rel.type() + ": " + rel.id() + " " + (rel.label() == null ? "" : rel.label()));
            }
            for (String link : r.links()) {
                out.println("  link: " + link);
            }
        });
    }
}
