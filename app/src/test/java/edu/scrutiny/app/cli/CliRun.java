package edu.scrutiny.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ScrutinyCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(rc, out.toString(), err.toString());
    }
}
