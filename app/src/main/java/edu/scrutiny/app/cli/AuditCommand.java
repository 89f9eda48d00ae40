package edu.scrutiny.app.cli;

import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditVerification;
import edu.scrutiny.app.reporting.ExportFilters;
import edu.scrutiny.app.reporting.ExportFormat;
import edu.scrutiny.app.reporting.Exports;
import edu.scrutiny.app.reporting.Table;
import edu.scrutiny.app.reporting.TableWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scrutiny audit verify} and {@code scrutiny audit export [--out FILE]}. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit trail: every audited action, each record chained to the one before by its hash.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recomputes the hash chain of the audit trail. Prints the number of records and exits 0",
                    "when it holds; prints the first record that breaks it, and why (altered, removed, reordered),",
                    "on stderr and exits 1 when it does not."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
                AuditVerification v = session.bean(AuditLog.class).verify();
                session.succeeded();
                if (v.intact()) {
                    spec.commandLine().getOut().println(v.summary());
                    return ScrutinyCli.OK;
                }
                spec.commandLine().getErr().println(v.summary());
                return ScrutinyCli.PROBLEM;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the audit trail in chain order. JSON lines by default, one record a line: seq, recorded_at,",
                    "actor, action, object_type, object_id, before, after, prev_hash, hash. --format csv or xlsx writes the",
                    "same columns as a sheet (as scrutiny export audit does); xlsx needs --out."})
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE",
                description = "Write to FILE (whole or not at all) instead of standard output.")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
                description = "json (JSON lines, the default), csv or xlsx.")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!"json".equals(format)) {
                return sheet(err);
            }
            if (out == null) {
                try (DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
                    PrintWriter stdout = spec.commandLine().getOut();
                    long n = session.bean(AuditLog.class).export(stdout);
                    stdout.flush();
                    err.println("exported " + n + (n == 1 ? " record" : " records"));
                    session.succeeded();
                }
                return ScrutinyCli.OK;
            }
            try (AtomicOutput output = new AtomicOutput(out);
                 DataSession session = DataSession.open(ScrutinyCli.dataDirectory(spec))) {
                long n = session.bean(AuditLog.class).export(output.writer());
                output.commit();
                err.println("exported " + n + (n == 1 ? " record" : " records") + " to " + out);
                session.succeeded();
            }
            return ScrutinyCli.OK;
        }

        /** CSV or XLSX: the audit export of the reporting module, to a file or (CSV only) standard output. */
        private int sheet(PrintWriter err) throws Exception {
            ExportFormat f = ExportFormat.byExtension(format)
                    .orElseThrow(() -> new CommandProblem("--format: '" + format + "' is not json, csv or xlsx"));
            if (out == null && f == ExportFormat.XLSX) {
                throw new CommandProblem("--format xlsx: give --out FILE (a workbook is not written to a terminal)");
            }
            long[] n = new long[1];
            if (out == null) {
                DataSession.run(spec, (session, stdout) -> {
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    n[0] = TableWriter.write(table(session), f, bytes);
                    stdout.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
                    stdout.flush();
                });
                err.println("exported " + n[0] + (n[0] == 1 ? " record" : " records"));
                return ScrutinyCli.OK;
            }
            try (AtomicOutput output = new AtomicOutput(out)) {
                DataSession.run(spec, (session, stdout) -> n[0] = TableWriter.write(table(session), f, output.stream()));
                output.commit();
            }
            err.println("exported " + n[0] + (n[0] == 1 ? " record" : " records") + " to " + out);
            return ScrutinyCli.OK;
        }

        private static Table table(DataSession session) {
            return session.bean(Exports.class).table(Exports.What.AUDIT, ExportFilters.none("audit export"), ExportCommand.READER);
        }
    }
}
