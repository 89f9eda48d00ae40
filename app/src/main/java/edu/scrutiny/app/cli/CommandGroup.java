package edu.scrutiny.app.cli;

import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * A command that only groups subcommands ({@code lists}, {@code alerts}, ...): run without one,
 * it prints its usage and exits with the usage code.
 */
abstract class CommandGroup implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ScrutinyCli.USAGE;
    }
}
