package edu.scrutiny.lists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading a path through discovery, the way users do, for reader tests. */
public final class ReaderTestSupport {
    private ReaderTestSupport() {
    }

    /** Everything read from the one list at the path, with the format discovery chose. */
    public record Read(ListFormat format, String listKey, List<ListEntry> entries) {
        public Map<Schema, Long> bySchema() {
            Map<Schema, Long> m = new TreeMap<>();
            entries.forEach(e -> m.merge(e.schema(), 1L, Long::sum));
            return m;
        }

        public ListEntry byId(String sourceId) {
            return entries.stream().filter(e -> e.sourceId().equals(sourceId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry " + sourceId));
        }

        public ListEntry byName(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry named " + name));
        }
    }

    public static Read read(Path path) throws IOException {
        DetectedList list = Lists.standard().detectOne(path);
        List<ListEntry> entries = new ArrayList<>();
        ListReader.ReadSummary s = list.read(entries::add);
        if (s.entries() != entries.size()) {
            throw new AssertionError("summary says " + s.entries() + " entries, sink got " + entries.size());
        }
        return new Read(list.format(), s.listKey(), entries);
    }

    /** A test resource under {@code src/test/resources/samples}. */
    public static Path sample(String relative) {
        return Path.of("src", "test", "resources", "samples").resolve(relative);
    }
}
