package edu.scrutiny.app.cli;

import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListDiff;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.Lists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code scrutiny lists diff OLD NEW}: what changed between two versions of a list. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {
                "Shows what changed between two versions of a list.",
                "Compares two versions of one list, entry by entry (matched by the list's own id), and prints",
                "the entries added, removed, and changed with the fields that changed."})
final class ListsDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The older version (file, directory or zip).")
    Path oldPath;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer version (file, directory or zip).")
    Path newPath;

    @Option(names = "--json", description = "Print the differences as one JSON object.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Lists lists = Lists.standard();
        DetectedList oldList = lists.detectOne(oldPath);
        DetectedList newList = lists.detectOne(newPath);
        List<ListEntry> before = new ArrayList<>();
        List<ListEntry> after = new ArrayList<>();
        ListReader.ReadSummary oldSummary = oldList.read(before::add);
        ListReader.ReadSummary newSummary = newList.read(after::add);
        if (!oldSummary.listKey().equals(newSummary.listKey())) {
            throw new CommandProblem(oldPath + " is the list " + oldSummary.listKey() + " but " + newPath + " is "
                    + newSummary.listKey() + "; diff compares two versions of the same list");
        }
        ListDiff diff = ListDiff.between(before, after);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    toJson(oldSummary.listKey(), oldList, newList, before.size(), after.size(), diff)));
        } else {
            printText(out, oldSummary.listKey(), before.size(), after.size(), diff);
        }
        out.flush();
        return ScrutinyCli.OK;
    }

    private static ObjectNode toJson(String list, DetectedList oldList, DetectedList newList, int oldCount,
                                     int newCount, ListDiff diff) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("list", list);
        ObjectNode old = o.putObject("old");
        old.put("source", oldList.source().describe());
        old.put("sha256", oldList.source().sha256());
        old.put("entries", oldCount);
        ObjectNode now = o.putObject("new");
        now.put("source", newList.source().describe());
        now.put("sha256", newList.source().sha256());
        now.put("entries", newCount);
        ObjectNode counts = o.putObject("counts");
        counts.put("added", diff.added().size());
        counts.put("removed", diff.removed().size());
        counts.put("changed", diff.changed().size());
        counts.put("unchanged", diff.unchanged());
        ArrayNode added = o.putArray("added");
        diff.added().forEach(e -> added.add(brief(e)));
        ArrayNode removed = o.putArray("removed");
        diff.removed().forEach(e -> removed.add(brief(e)));
        ArrayNode changed = o.putArray("changed");
        for (ListDiff.Change c : diff.changed()) {
            ObjectNode n = brief(c.after());
            if (!c.before().name().equals(c.after().name())) {
                n.put("old_name", c.before().name());
            }
            ArrayNode fields = n.putArray("fields");
            c.fields().forEach(fields::add);
            changed.add(n);
        }
        return o;
    }

    private static ObjectNode brief(ListEntry e) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("source_id", e.sourceId());
        n.put("name", e.name());
        n.put("schema", e.schema().ftmName());
        return n;
    }

    private static void printText(PrintWriter out, String list, int oldCount, int newCount, ListDiff diff) {
        out.printf("%s: %,d entries before, %,d after: %,d added, %,d removed, %,d changed, %,d unchanged%n",
                list, oldCount, newCount, diff.added().size(), diff.removed().size(), diff.changed().size(),
                diff.unchanged());
        if (!diff.added().isEmpty()) {
            out.println();
            out.println("Added:");
            diff.added().forEach(e -> out.printf("  + %-10s %s (%s)%n", e.sourceId(), e.name(), e.schema().ftmName()));
        }
        if (!diff.removed().isEmpty()) {
            out.println();
            out.println("Removed:");
            diff.removed().forEach(e -> out.printf("  - %-10s %s (%s)%n", e.sourceId(), e.name(), e.schema().ftmName()));
        }
        if (!diff.changed().isEmpty()) {
            out.println();
            out.println("Changed:");
            for (ListDiff.Change c : diff.changed()) {
                String rename = c.before().name().equals(c.after().name()) ? "" : " (was " + c.before().name() + ")";
                out.printf("  ~ %-10s %s%s: %s%n", c.after().sourceId(), c.after().name(), rename,
                        String.join(", ", c.fields()));
            }
        }
    }
}
