package edu.scrutiny.app.cli;

import edu.scrutiny.app.institutions.Institutions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scrutiny --data DIR institutions import FILE}. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
                "Imports a ROR data dump (schema v2: the .json file, or the .zip the registry publishes) as the new version",
                "of the institutions reference data, and prints a one-line summary. The dump is read and its records written",
                "in one transaction: a file that is not a ROR dump, a truncated file or a record without names leaves the",
                "version in force unchanged. Importing the bytes in force again changes nothing."})
final class InstitutionsImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The dump: v*-ror-data_schema_v2.json, or the v*-ror-data.zip holding it.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try {
            return DataSession.run(spec, (session, out) -> {
                try {
                    out.println(session.bean(Institutions.class)
                            .importDump(file, file.toAbsolutePath().normalize().toString(), "command line").summary());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
