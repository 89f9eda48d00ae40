package edu.scrutiny.app.cli;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.reporting.ExportFilters;
import edu.scrutiny.app.reporting.ExportFormat;
import edu.scrutiny.app.reporting.Exports;
import edu.scrutiny.app.reporting.Table;
import edu.scrutiny.app.reporting.TableWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code scrutiny export WHAT --format xlsx|csv --out FILE [--filter NAME=VALUE ...]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes an export as CSV or XLSX, whole or not at all: engagements (filters tier, status, type,",
                "country, from, to), hits of the latest assessments (list, tier, engagement), open cases (stage,",
                "overdue) or audit (the audit trail). The same content as GET /api/exports/WHAT.FORMAT."})
final class ExportCommand implements Callable<Integer> {
    /** The command line reads as an auditor does: everything, changing nothing. */
    static final Actor READER = new Actor("command line", Set.of(Role.AUDITOR), null);

    @Parameters(index = "0", paramLabel = "WHAT", description = "engagements, hits, cases or audit")
    String what;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or xlsx")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    Path out;

    @Option(names = "--filter", paramLabel = "NAME=VALUE", description = "a filter, e.g. tier=ELEVATED (repeatable)")
    Map<String, String> filters = new LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String source = "export " + what;
        ExportFormat f = ExportFormat.byExtension(format)
                .orElseThrow(() -> new CommandProblem("--format: '" + format + "' is not csv or xlsx"));
        long[] written = new long[1];
        try (AtomicOutput output = new AtomicOutput(out)) {
            DataSession.run(spec, (session, stdout) -> {
                Table table = session.bean(Exports.class).table(Exports.What.fromKey(what, source),
                        ExportFilters.of(source, filters), READER);
                written[0] = TableWriter.write(table, f, output.stream());
            });
            output.commit();
        }
        spec.commandLine().getErr().println("exported " + written[0] + (written[0] == 1 ? " row" : " rows") + " to " + out);
        return ScrutinyCli.OK;
    }
}
