package edu.scrutiny.matching.evaluation;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.matching.ScreeningIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list read from the lists directory, with its screening index.
 *
 * @param name    the file or directory name under the lists directory
 * @param entries its entries, in the order read
 */
record ScreenedList(String name, List<ListEntry> entries, ScreeningIndex index) {

    static ScreenedList read(Path listsDir, String name) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        Lists.standard().detectOne(listsDir.resolve(name)).read(entries::add);
        return new ScreenedList(name, List.copyOf(entries), ScreeningIndex.build(entries));
    }
}
