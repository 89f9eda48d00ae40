package edu.scrutiny.app.cli;

/** A problem a command found with its input, reported as one line and exit code 1. */
final class CommandProblem extends RuntimeException {
    CommandProblem(String message) {
        super(message);
    }
}
