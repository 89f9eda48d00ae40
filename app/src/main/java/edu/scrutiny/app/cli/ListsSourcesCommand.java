package edu.scrutiny.app.cli;

import edu.scrutiny.app.monitoring.ListSourceSettings;
import edu.scrutiny.app.monitoring.ListSources;
import edu.scrutiny.app.monitoring.OfficialSources;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ListCategory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scrutiny lists sources add LIST URL_OR_PATH [--every 24h]}, {@code lists sources list}, and the
 * catalogue of official sources: {@code lists sources official} and {@code lists sources add-official [LIST...]}.
 */
@Command(name = "sources",
        mixinStandardHelpOptions = true,
        description = "Where lists are refreshed from (an official URL or a local path), and how often.",
        subcommands = {ListsSourcesCommand.Add.class, ListsSourcesCommand.ListSourcesCommand.class,
                ListsSourcesCommand.Official.class, ListsSourcesCommand.AddOfficial.class})
final class ListsSourcesCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Sets a list's source: refreshes fetch it (conditionally, for a URL) on the schedule and import what changed.",
                    "The server refreshes due sources by itself; 'lists refresh' does it now."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LIST", description = "The list key, e.g. us_ofac_sdn (for Scrutiny CSV: the file name without .csv).")
        String list;

        @Parameters(index = "1", paramLabel = "URL_OR_PATH", description = "An http(s) URL or a local file or directory.")
        String location;

        @Option(names = "--every", paramLabel = "PERIOD", defaultValue = "24h", converter = PeriodConverter.class,
                description = "How often to refresh: 24h, 30m, 7d, 1d12h (default: ${DEFAULT-VALUE}).")
        Duration every;

        @Option(names = "--category", paramLabel = "CATEGORY", converter = ListsImportCommand.CategoryConverter.class,
                description = "For Scrutiny CSV sources: the list's category (default watchlist).")
        ListCategory category;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                ListSourceSettings s = session.bean(ListSources.class).add(list, location, every, category, "command line");
                out.println(s.listKey() + ": refreshed from " + s.location() + " every " + human(s.every()));
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the sources and how their last refresh went.")
    static final class ListSourcesCommand implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                List<ListSourceSettings> all = session.bean(ListSources.class).all();
                if (json) {
                    out.println(Documents.toPrettyJson(all));
                } else if (all.isEmpty()) {
                    out.println("no list sources");
                } else {
                    for (ListSourceSettings s : all) {
                        out.printf("%s: %s every %s; next due %s%s%n", s.listKey(), s.location(), human(s.every()), s.nextDueAt(),
                                s.lastOutcome() == null ? "" : "; last: " + s.lastOutcome());
                    }
                }
            });
        }
    }

    @Command(name = "official", mixinStandardHelpOptions = true,
            description = {"Shows the catalogue of official sources shipped with Scrutiny: each list's publisher, URL, format,",
                    "category and refresh period, and whether it is enabled here. Lists published only as PDF show where the PDF is."})
    static final class Official implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                OfficialSources official = session.bean(OfficialSources.class);
                List<OfficialSources.Status> all = official.statuses();
                if (json) {
                    out.println(Documents.toPrettyJson(all));
                    return;
                }
                out.println("Official sources, as published on " + official.catalogue().checkedOn()
                        + (official.catalogue().mirror() == null ? "" : "; fetched from the mirror " + official.catalogue().mirror()) + ":");
                for (OfficialSources.Status s : all) {
                    String state = switch (s.status()) {
                        case "ENABLED" -> "enabled" + (s.source().equals(s.location()) ? "" : " (from " + s.source() + ")");
                        case "AVAILABLE" -> "not enabled";
                        default -> "PDF only: transcribe into Scrutiny CSV";
                    };
                    out.printf("%-13s %-18s %s%n", s.listKey(), s.format(), state);
                    out.printf("              %s%n", s.title());
                    out.printf("              %s%n", s.location() != null ? s.location() + " every " + s.every() : "PDF: " + s.pdf());
                }
                out.println("Enable them with: lists sources add-official [LIST...]");
            });
        }
    }

    @Command(name = "add-official", mixinStandardHelpOptions = true,
            description = {"Adds official sources from the catalogue ('lists sources official') as list sources; with no LIST,",
                    "every one published in a format Scrutiny reads. A list that already has a source keeps it.",
                    "The next refresh (a running server's, or 'lists refresh') imports them."})
    static final class AddOfficial implements Callable<Integer> {
        @Parameters(paramLabel = "LIST", arity = "0..*", description = "List keys from the catalogue, e.g. us_ofac_sdn un_sc (default: all).")
        List<String> lists;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DataSession.run(spec, (session, out) -> {
                for (OfficialSources.Enabled e : session.bean(OfficialSources.class)
                        .enable(lists, "command line", "lists sources add-official", "LIST")) {
                    out.println(e.message());
                }
            });
        }
    }

    static String human(Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + "d";
        }
        if (d.toSeconds() % 3_600 == 0) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }

    static final class PeriodConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return ListSources.parseEvery(value);
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a period such as 24h, 30m, 7d or 1d12h");
            }
        }
    }
}
