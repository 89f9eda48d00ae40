package edu.scrutiny.app.cli;

import picocli.CommandLine.Command;

/** {@code scrutiny institutions ...}: the Research Organization Registry dump that bridges institutions' names. */
@Command(name = "institutions",
        mixinStandardHelpOptions = true,
        description = "Import and look up the Research Organization Registry (ROR) dump that bridges institutions' former names, "
                + "aliases, acronyms and names in other languages to the lists.",
        subcommands = {InstitutionsImportCommand.class, InstitutionsListCommand.class, InstitutionsShowCommand.class})
final class InstitutionsCommand extends CommandGroup {
}
