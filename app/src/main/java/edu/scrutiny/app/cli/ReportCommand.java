package edu.scrutiny.app.cli;

import edu.scrutiny.app.reporting.Certificates;
import edu.scrutiny.app.reporting.Dossiers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code scrutiny report dossier ENG-... --out FILE.pdf} and {@code scrutiny report certificate ID --out FILE.pdf}. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = "Printed reports as PDF: an engagement's dossier, a logged screening's certificate.",
        subcommands = {ReportCommand.Dossier.class, ReportCommand.Certificate.class})
final class ReportCommand extends CommandGroup {

    @Command(name = "dossier", mixinStandardHelpOptions = true,
            description = {"Writes an engagement's dossier as a PDF, whole or not at all: the engagement, parties, owners and",
                    "controllers, the latest assessment with its evidence and list versions (SHA-256), directives, the review",
                    "cases, the timeline and the audit chain's head. The same file as GET /api/engagements/ID/dossier.pdf."})
    static final class Dossier implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENGAGEMENT", description = "the engagement's id, e.g. ENG-000001")
        String id;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PDF to write")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return write(spec, out, session -> session.bean(Dossiers.class).dossier(id, ExportCommand.READER));
        }
    }

    @Command(name = "certificate", mixinStandardHelpOptions = true,
            description = {"Writes a logged screening's certificate as a PDF, whole or not at all: the query and purpose, who ran",
                    "it and when, the list versions (SHA-256), the results and dispositions. The same file as",
                    "GET /api/screenings/ID/certificate.pdf."})
    static final class Certificate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SCREENING", description = "the screening's number in the log")
        long id;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the PDF to write")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return write(spec, out, session -> session.bean(Certificates.class).certificate(id, ExportCommand.READER));
        }
    }

    /** Writes the report (atomically); stderr says where, its size, and any script no host font could render. */
    private static int write(CommandLine.Model.CommandSpec spec, Path out, Function<DataSession, Dossiers.Report> make) throws Exception {
        Dossiers.Report[] made = new Dossiers.Report[1];
        try (AtomicOutput output = new AtomicOutput(out)) {
            DataSession.run(spec, (session, stdout) -> {
                made[0] = make.apply(session);
                try {
                    output.stream().write(made[0].pdf());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            output.commit();
        }
        var err = spec.commandLine().getErr();
        err.println("wrote " + out + " (" + made[0].pdf().length + " bytes)");
        if (!made[0].missingScripts().isEmpty()) {
            err.println("warning: no font covers the " + String.join(", ", made[0].missingScripts())
                    + " script(s): those characters are missing from the PDF (scrutiny.reports.font-dirs; see docs/reports.md)");
        }
        return ScrutinyCli.OK;
    }
}
