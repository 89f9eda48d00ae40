package edu.scrutiny.app.cli;

import edu.scrutiny.app.directives.Directive;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.directives.StoredDirective;
import edu.scrutiny.app.support.Documents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code scrutiny directives import FILE} and {@code scrutiny directives list}. */
@Command(name = "directives",
        mixinStandardHelpOptions = true,
        description = "Institutional directives about named counterparties (and their subsidiaries).",
        subcommands = {DirectivesCommand.Import.class, DirectivesCommand.ListDirectives.class})
final class DirectivesCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports directives from a YAML or JSON file: a list of objects with id, title, counterparties,",
                    "include_subsidiaries, scope (new, renewal, gift), effective_from, revisit_by, reason",
                    "(and optionally applies_to_existing). Nothing is imported unless every directive is valid;",
                    "a directive whose id exists is recorded as a new revision if it changed."})
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The directives file (.yaml, .yml or .json).")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Directive> directives = DirectiveDocuments.read(Files.readString(file), file.toString());
            return DataSession.run(spec, (session, out) -> {
                Directives.ImportSummary s = session.bean(Directives.class).importAll(directives, "command line");
                out.printf("%s: %d directives; %d added, %d revised, %d unchanged%n",
                        file, directives.size(), s.added(), s.revised(), s.unchanged());
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the current directives.")
    static final class ListDirectives implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                List<StoredDirective> current = session.bean(Directives.class).current();
                if (json) {
                    out.println(Documents.toPrettyJson(current));
                } else {
                    for (StoredDirective s : current) {
                        Directive d = s.directive();
                        out.printf("%s (revision %d): %s%n  counterparties: %s%s%n  scope: %s; effective %s; revisit by %s%n  reason: %s%n",
                                d.id(), s.revision(), d.title(), String.join("; ", d.counterparties()),
                                d.includeSubsidiaries() ? " and their subsidiaries" : "",
                                String.join(", ", d.scope().stream().map(Directive.Scope::key).sorted().toList()),
                                d.effectiveFrom(), d.revisitBy() == null ? "-" : d.revisitBy(), d.reason());
                    }
                    if (current.isEmpty()) {
                        out.println("no directives");
                    }
                }
            });
        }
    }
}
