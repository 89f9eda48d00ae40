package edu.scrutiny.lists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The entries a batch screening runs against, read from the paths it was given: list files,
 * directories or zip archives in any format the readers detect, or {@link ExportedLists} directories.
 * {@code scrutiny screen} and the Spark job both read their lists here, in the same order.
 */
public final class ScreeningSources {
    private ScreeningSources() {
    }

    /**
     * Reads every list under the paths, in the order given (and, within a directory, in the order
     * discovery finds them).
     *
     * @param report receives one line per list read (key, entries, where from)
     * @throws ListFormatException naming the path that is missing or not a list
     */
    public static List<ListEntry> read(List<Path> paths, Consumer<String> report) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        Lists reader = Lists.standard();
        for (Path p : paths) {
            if (ExportedLists.isExport(p)) {
                ExportedLists export = ExportedLists.read(p);
                for (ExportedLists.Version v : export.versions()) {
                    report.accept(String.format(Locale.ROOT, "list %s: %,d entries (version %d in force on %s, %s)", v.list(),
                            v.entries().size(), v.version(), export.asOf(), p.resolve(v.file())));
                    entries.addAll(v.entries());
                }
                continue;
            }
            for (DetectedList list : reader.discover(p).lists()) {
                int before = entries.size();
                ListReader.ReadSummary s = list.read(entries::add);
                report.accept(String.format(Locale.ROOT, "list %s: %,d entries (%s, %s)", s.listKey(), entries.size() - before,
                        list.format().key(), list.source().describe()));
            }
        }
        return entries;
    }
}
