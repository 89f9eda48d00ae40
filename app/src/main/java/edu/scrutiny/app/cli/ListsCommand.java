package edu.scrutiny.app.cli;

import picocli.CommandLine.Command;

/** {@code scrutiny lists ...}: read, inspect and compare restricted-party lists. */
@Command(name = "lists",
        mixinStandardHelpOptions = true,
        description = "Read, inspect and compare restricted-party lists in their published formats.",
        subcommands = {ListsInspectCommand.class, ListsDiffCommand.class})
final class ListsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
