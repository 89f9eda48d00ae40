package edu.scrutiny.app.cli;

import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListFormatException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns what went wrong while a command ran into one clear line on stderr and exit code 1:
 * bad input names its file and place, never a stack trace. Anything unforeseen is a bug: it is
 * reported as such, with the stack trace, so that it gets fixed.
 */
final class ProblemHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException u) {
            t = u.getCause();
        }
        String message = describe(t);
        if (message != null) {
            cl.getErr().println("error: " + message);
            return ScrutinyCli.PROBLEM;
        }
        cl.getErr().println("internal error (please report it): " + t);
        t.printStackTrace(cl.getErr());
        return ScrutinyCli.PROBLEM;
    }

    /** A user-facing message for expected failures, or null for bugs. */
    static String describe(Throwable t) {
        if (t instanceof ListFormatException lfe) {
            return lfe.getMessage();
        }
        if (t instanceof CommandProblem p) {
            return p.getMessage();
        }
        if (t instanceof InvalidInput i) {
            return i.getMessage();
        }
        if (t instanceof edu.scrutiny.app.support.NotFound n) {
            return n.getMessage();
        }
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (t instanceof IOException io) {
            return "cannot read or write: " + io.getMessage();
        }
        return null;
    }
}
