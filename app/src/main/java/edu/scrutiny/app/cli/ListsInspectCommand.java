package edu.scrutiny.app.cli;

import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListStatistics;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scrutiny lists inspect PATH...}: what each list holds. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
                "Shows what each list holds.",
                "Reads each list (a file, a directory of lists, or a zip archive) and prints the format detected,",
                "entries by schema, names and aliases, the countries most listed, the range of listing dates",
                "and the SHA-256 of the content. A list that cannot be read is reported (exit code 1) and the",
                "others are still inspected; with --json it appears as an object with 'source' and 'error'."})
final class ListsInspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "List files, directories or zip archives.")
    List<Path> paths;

    @Option(names = "--json", description = "Print a JSON array with one object per list.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What one list holds, for printing; or, when it could not be read, why. */
    record Inspection(DetectedList list, ListReader.ReadSummary summary, ListStatistics stats, String sha256,
                      String source, String error) {
    }

    @Override
    public Integer call() throws Exception {
        Lists lists = Lists.standard();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // each list stands alone: one malformed file is reported, and the others are still inspected
        List<Inspection> inspections = new ArrayList<>();
        for (Path p : paths) {
            Lists.Discovery d;
            try {
                d = lists.discover(p);
            } catch (ListFormatException e) {
                inspections.add(new Inspection(null, null, null, null, p.toString(), e.getMessage()));
                continue;
            }
            for (String skipped : d.skipped()) {
                err.println("note: passed over " + skipped + " (not a list format Scrutiny reads)");
            }
            for (DetectedList list : d.lists()) {
                ListStatistics stats = new ListStatistics();
                try {
                    ListReader.ReadSummary summary = list.read(stats);
                    inspections.add(new Inspection(list, summary, stats, list.source().sha256(),
                            list.source().describe(), null));
                } catch (ListFormatException e) {
                    inspections.add(new Inspection(list, null, null, null, list.source().describe(), e.getMessage()));
                }
            }
        }
        List<Inspection> failed = inspections.stream().filter(i -> i.error() != null).toList();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            inspections.forEach(i -> array.add(i.error() == null ? toJson(i) : errorJson(i)));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            for (Inspection i : inspections) {
                if (i.error() == null) {
                    printText(out, i);
                }
            }
        }
        out.flush();
        for (Inspection i : failed) {
            err.println("error: " + i.error());
        }
        if (!failed.isEmpty() && inspections.size() > 1) {
            err.printf("%d of %d lists could not be read; the others are shown above%n", failed.size(), inspections.size());
        }
        return failed.isEmpty() ? ScrutinyCli.OK : ScrutinyCli.PROBLEM;
    }

    private static ObjectNode errorJson(Inspection i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("source", i.source());
        if (i.list() != null) {
            o.put("format", i.list().format().key());
        }
        o.put("error", i.error());
        return o;
    }

    static ObjectNode toJson(Inspection i) {
        ListStatistics s = i.stats();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("list", i.summary().listKey());
        o.put("format", i.list().format().key());
        o.put("format_description", i.list().format().description());
        o.put("source", i.list().source().describe());
        o.put("entries", s.entries());
        o.put("records", i.summary().records());
        ObjectNode bySchema = o.putObject("by_schema");
        for (Map.Entry<Schema, Long> e : s.bySchema().entrySet()) {
            bySchema.put(e.getKey().ftmName(), e.getValue());
        }
        ObjectNode byCategory = o.putObject("by_category");
        for (Map.Entry<ListCategory, Long> e : s.byCategory().entrySet()) {
            byCategory.put(e.getKey().key(), e.getValue());
        }
        o.put("names", s.names());
        o.put("aliases", s.aliases());
        o.put("weak_aliases", s.weakAliases());
        ObjectNode countries = o.putObject("top_countries");
        s.topCountries(10).forEach(countries::put);
        o.put("distinct_countries", s.distinctCountries());
        ObjectNode programs = o.putObject("top_programs");
        s.topPrograms(10).forEach(programs::put);
        o.put("first_listed_on", s.firstListed() == null ? null : s.firstListed().toString());
        o.put("last_listed_on", s.lastListed() == null ? null : s.lastListed().toString());
        o.put("delisted", s.delisted());
        o.put("sha256", i.sha256());
        return o;
    }

    private static void printText(PrintWriter out, Inspection i) {
        ListStatistics s = i.stats();
        out.printf("%s  (%s)%n", i.summary().listKey(), i.list().source().describe());
        out.printf("  format      %s: %s%n", i.list().format().key(), i.list().format().description());
        out.printf("  entries     %,d%s%n", s.entries(), i.summary().records() == s.entries() ? ""
                : String.format(" (from %,d records: rows of one party merged)", i.summary().records()));
        StringBuilder schemas = new StringBuilder();
        s.bySchema().forEach((k, v) -> schemas.append(schemas.isEmpty() ? "" : ", ").append(k.ftmName()).append(' ')
                .append(String.format("%,d", v)));
        out.printf("  by schema   %s%n", schemas);
        if (!s.byCategory().isEmpty()) {
            StringBuilder cats = new StringBuilder();
            s.byCategory().forEach((k, v) -> cats.append(cats.isEmpty() ? "" : ", ").append(k.key()).append(' ')
                    .append(String.format("%,d", v)));
            out.printf("  categories  %s%n", cats);
        }
        out.printf("  names       %,d (%,d primary, %,d aliases of which %,d weak)%n",
                s.names(), s.entries(), s.aliases(), s.weakAliases());
        StringBuilder countries = new StringBuilder();
        s.topCountries(10).forEach((k, v) -> countries.append(countries.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format("%,d", v)));
        out.printf("  countries   %s%s%n", countries.isEmpty() ? "none given" : countries,
                s.distinctCountries() > 10 ? " (" + s.distinctCountries() + " in all)" : "");
        if (s.firstListed() != null) {
            out.printf("  listed      %s to %s%s%n", s.firstListed(), s.lastListed(),
                    s.delisted() > 0 ? String.format(" (%,d with a delisting or end date)", s.delisted()) : "");
        } else {
            out.printf("  listed      no listing dates given%n");
        }
        out.printf("  sha256      %s%n%n", i.sha256());
    }
}
