package edu.scrutiny.app.cli;

import picocli.CommandLine.Command;

/** {@code scrutiny lists ...}: read, inspect and compare restricted-party lists. */
@Command(name = "lists",
        mixinStandardHelpOptions = true,
        description = "Read, inspect, compare and import restricted-party lists in their published formats.",
        subcommands = {ListsInspectCommand.class, ListsDiffCommand.class, ListsImportCommand.class, ListsVersionsCommand.class,
                ListsSourcesCommand.class, ListsRefreshCommand.class, ListsExportCommand.class})
final class ListsCommand extends CommandGroup {
}
